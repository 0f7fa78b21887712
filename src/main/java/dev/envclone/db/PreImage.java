package dev.envclone.db;

import java.nio.file.Path;

/**
 * The rows a statement was about to change, as they were, saved before the change.
 *
 * @param file the CSV file
 * @param rows how many data rows it holds
 * @param sha256 the file's SHA-256, recorded in the journal and the report
 * @param rowSet the digest of its rows as a set, whatever order the database returned them in: what recovery
 *     compares ({@link PreImages#unchanged})
 */
public record PreImage(Path file, long rows, String sha256, String rowSet) {
}
