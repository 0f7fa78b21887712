package dev.envclone.db;

import java.nio.file.Path;

/**
 * The rows a statement was about to change, as they were, saved before the change.
 *
 * @param file the CSV file
 * @param rows how many data rows it holds
 * @param sha256 the file's SHA-256, recorded in the journal and the report
 */
public record PreImage(Path file, long rows, String sha256) {
}
