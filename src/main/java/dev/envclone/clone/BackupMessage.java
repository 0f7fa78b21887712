package dev.envclone.clone;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One informational message of a BACKUP, RESTORE or RESTORE VERIFYONLY, as SQL Server sends it while the
 * statement runs (Microsoft Learn, BACKUP: "STATS [ = percentage ] Displays a message each time another
 * percentage completes"; the examples there and in RESTORE show the other forms):
 * <ul>
 *   <li>{@code 10 percent processed.}</li>
 *   <li>{@code Processed 328 pages for database 'X', file 'Y' on file 1.}</li>
 *   <li>{@code BACKUP DATABASE successfully processed 330 pages in 0.210 seconds (12.267 MB/sec).} (and RESTORE)</li>
 *   <li>{@code The backup set on file 1 is valid.} (RESTORE VERIFYONLY)</li>
 * </ul>
 * Anything else (an upgrade step, a login whose language is not English) is {@link Kind#OTHER}: shown and
 * journaled as it came, never read for progress.
 *
 * @param percent for {@link Kind#PERCENT}
 * @param pages for {@link Kind#FILE_PROCESSED} and {@link Kind#FINISHED}
 * @param name the database of {@link Kind#FILE_PROCESSED}, the statement of {@link Kind#FINISHED}
 *     ("BACKUP DATABASE")
 * @param file the logical file of {@link Kind#FILE_PROCESSED}
 * @param seconds the duration of {@link Kind#FINISHED}
 * @param megabytesPerSecond the throughput of {@link Kind#FINISHED}
 */
record BackupMessage(Kind kind, String text, int percent, long pages, String name, String file, double seconds,
                     double megabytesPerSecond) {
    enum Kind { PERCENT, FILE_PROCESSED, FINISHED, VALID, OTHER }

    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}) percent processed\\.");
    private static final Pattern FILE_PROCESSED = Pattern.compile(
            "Processed (\\d+) pages for database '(.*)', file '(.*)' on file \\d+\\.");
    private static final Pattern FINISHED = Pattern.compile("((?:BACKUP|RESTORE) [A-Z ]+?) successfully processed "
            + "(\\d+) pages in (\\d+(?:\\.\\d+)?) seconds \\((\\d+(?:\\.\\d+)?) MB/sec\\)\\.");
    private static final Pattern VALID = Pattern.compile("The backup set on file \\d+ is valid\\.");

    static BackupMessage parse(String message) {
        String text = message == null ? "" : message.strip();
        Matcher m = PERCENT.matcher(text);
        if (m.matches()) {
            return new BackupMessage(Kind.PERCENT, text, Math.min(100, Integer.parseInt(m.group(1))), 0, null, null,
                    0, 0);
        }
        m = FILE_PROCESSED.matcher(text);
        if (m.matches()) {
            return new BackupMessage(Kind.FILE_PROCESSED, text, 0, Long.parseLong(m.group(1)), m.group(2),
                    m.group(3), 0, 0);
        }
        m = FINISHED.matcher(text);
        if (m.matches()) {
            return new BackupMessage(Kind.FINISHED, text, 100, Long.parseLong(m.group(2)), m.group(1), null,
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)));
        }
        if (VALID.matcher(text).matches()) {
            return new BackupMessage(Kind.VALID, text, 0, 0, null, null, 0, 0);
        }
        return new BackupMessage(Kind.OTHER, text, 0, 0, null, null, 0, 0);
    }
}
