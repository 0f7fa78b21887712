package dev.envclone.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-image read back, as {@link PreImageWriter} wrote it: a header of column labels, then one record per row,
 * every value quoted and a NULL an empty field. Anything else (a file edited by hand, cut short) is refused with the
 * line it stops at: restoring rows from a file that is not what envclone wrote could put anything into the target.
 *
 * @param columns the column labels, as the database gave them
 * @param rows each row's values in column order; null for NULL
 */
public record PreImageRows(List<String> columns, List<List<String>> rows) {
    public PreImageRows {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public static PreImageRows read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Parser parser = new Parser(file, text);
        List<String> header = parser.record();
        if (header == null || header.contains(null)) {
            throw parser.refused("no header of quoted column names");
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row = parser.record(); row != null; row = parser.record()) {
            if (row.size() != header.size()) {
                throw parser.refused(row.size() + " values for " + header.size() + " columns");
            }
            rows.add(java.util.Collections.unmodifiableList(row));
        }
        return new PreImageRows(header, rows);
    }

    /** The records of the file, each ended by CRLF; a quoted value may hold anything, quotes doubled. */
    private static final class Parser {
        private final Path file;
        private final String text;
        private int at;
        private int line = 1;

        Parser(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        /** The next record, or null at the end of the file. */
        List<String> record() throws IOException {
            if (at == text.length()) {
                return null;
            }
            List<String> values = new ArrayList<>();
            while (true) {
                values.add(value());
                if (text.startsWith("\r\n", at)) {
                    at += 2;
                    line++;
                    return values;
                }
                if (at < text.length() && text.charAt(at) == ',') {
                    at++;
                } else {
                    throw refused(at == text.length() ? "the last record has no line end (cut short?)"
                            : "a value that is neither quoted nor empty");
                }
            }
        }

        private String value() throws IOException {
            if (at == text.length() || text.charAt(at) != '"') {
                return null; // an empty field: NULL
            }
            StringBuilder value = new StringBuilder();
            at++;
            while (true) {
                int quote = text.indexOf('"', at);
                if (quote < 0) {
                    throw refused("a quoted value that does not end");
                }
                value.append(text, at, quote);
                line += (int) text.substring(at, quote).chars().filter(c -> c == '\n').count();
                at = quote + 1;
                if (at < text.length() && text.charAt(at) == '"') {
                    value.append('"');
                    at++;
                } else {
                    return value.toString();
                }
            }
        }

        IOException refused(String what) {
            return new IOException(file + " is not a pre-image as envclone writes it: line " + line + ": " + what
                    + ". Nothing was restored; keep the run folder as evidence.");
        }
    }
}
