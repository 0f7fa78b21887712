package dev.envclone.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Comparing the rows as they are now with a saved pre-image: how a run learns whether an interrupted step committed.
 */
public final class PreImages {
    private PreImages() {
    }

    /**
     * Whether {@code preImageSql} returns now exactly the rows saved in {@code saved}, as a set: the same rows, each
     * byte for byte as CSV, in any order (the database promises no order without ORDER BY). If a step's every
     * statement still selects its saved rows, its changes are not in the database; if any differs, they are. The
     * cleanup statements are idempotent, so a step whose rows are unchanged can run again safely.
     */
    public static boolean unchanged(Connection connection, String preImageSql, PreImage saved)
            throws SQLException, IOException {
        return rowSet(connection, preImageSql, saved.file().getParent()).equals(saved.rowSet());
    }

    /**
     * The digest of the rows {@code sql} selects now, as a set ({@link PreImage#rowSet}), read through a file in
     * {@code folder} (owner-only, deleted before this returns): the same bytes a pre-image would hold.
     */
    public static String rowSet(Connection connection, String sql, Path folder) throws SQLException, IOException {
        Path now = Files.createTempFile(folder, "now-", ".csv");
        Files.delete(now);
        try {
            return PreImageWriter.write(connection, sql, now, new CancelToken()).rowSet();
        } catch (CancelToken.CancelledException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(now);
        }
    }
}
