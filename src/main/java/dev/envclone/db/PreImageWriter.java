package dev.envclone.db;

import dev.envclone.files.FileWriteException;
import dev.envclone.files.OwnerOnly;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Writes the rows a statement will touch to a CSV file (RFC 4180, UTF-8, a header row) and forces it to disk
 * before returning: the evidence exists before anything changes. NULL is an empty field; an empty string is "".
 *
 * <p>Besides the file's SHA-256 (the evidence), it computes a digest of the rows as a set: SQL Server and Oracle
 * return rows without ORDER BY in no promised order, so two reads of unchanged rows can differ byte for byte; the
 * row set's digest does not (see {@link RowSetDigest}).
 */
final class PreImageWriter {
    private PreImageWriter() {
    }

    static PreImage write(Connection connection, String preImageSql, Path file, CancelToken cancel)
            throws SQLException, IOException, CancelToken.CancelledException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try {
            return write(connection, preImageSql, file, cancel, digest);
        } catch (FileWriteException e) {
            throw e;
        } catch (IOException e) {
            // Disk full, a removed drive: the message names the file, so the operator knows where to look.
            throw new FileWriteException(file, "write pre-image", e);
        }
    }

    private static PreImage write(Connection connection, String preImageSql, Path file, CancelToken cancel,
                                  MessageDigest digest)
            throws SQLException, IOException, CancelToken.CancelledException {
        long rows = 0;
        RowSetDigest rowSet = new RowSetDigest();
        // Owner-only from its creation: the rows are the source's secrets (tokens, passwords, connection strings).
        try (FileChannel channel = OwnerOnly.createNew(file, "pre-image");
             OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest);
             BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
             Statement statement = connection.createStatement()) {
            cancel.running(statement);
            try (ResultSet result = statement.executeQuery(preImageSql)) {
                ResultSetMetaData meta = result.getMetaData();
                int columns = meta.getColumnCount();
                for (int c = 1; c <= columns; c++) {
                    writer.write((c > 1 ? "," : "") + quote(meta.getColumnLabel(c)));
                }
                writer.write("\r\n");
                StringBuilder row = new StringBuilder();
                while (result.next()) {
                    row.setLength(0);
                    for (int c = 1; c <= columns; c++) {
                        String value = result.getString(c);
                        row.append(c > 1 ? "," : "").append(value == null ? "" : quote(value));
                    }
                    row.append("\r\n");
                    writer.write(row.toString());
                    rowSet.add(row);
                    if (++rows % 10_000 == 0) {
                        cancel.check();
                    }
                }
            } finally {
                cancel.running(null);
            }
            writer.flush();
            channel.force(true);
        }
        return new PreImage(file, rows, HexFormat.of().formatHex(digest.digest()), rowSet.digest());
    }

    /** Always quoted, so that an empty string and NULL stay apart. */
    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
