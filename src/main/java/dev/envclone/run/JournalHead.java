package dev.envclone.run;

import dev.envclone.files.OwnerOnly;
import dev.envclone.json.JsonException;
import dev.envclone.json.JsonFields;
import dev.envclone.json.JsonTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * journal.head, beside the journal: the seq and hash of the last entry appended, replaced whole (temporary file,
 * force, atomic rename) after each append. A journal is never behind its head, and at most one entry ahead of it
 * (a crash between the two writes); so a removed last line or a file cut anywhere is seen, where the chain alone
 * would take what is left for a shorter journal. Like the chain it holds no key: see docs/run-folder.md.
 *
 * @param seq the last entry's seq, 0 for a journal without entries
 * @param hash the last entry's hash, {@link JournalFile#GENESIS} for none
 */
record JournalHead(long seq, String hash) {
    static final String FILE = "journal.head";
    static final JournalHead NONE = new JournalHead(0, JournalFile.GENESIS);
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final List<String> FIELDS = List.of("seq", "hash");
    private static final Logger LOG = LoggerFactory.getLogger(JournalHead.class);

    static Path beside(Path journal) {
        return journal.resolveSibling(FILE);
    }

    /** The head beside {@code journal}; {@link #NONE} when there is no head file. */
    static JournalHead read(Path journal) throws IOException {
        Path file = beside(journal);
        if (!Files.exists(file)) {
            return NONE;
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            JsonFields head = JsonFields.of(JsonTree.parse(bytes));
            long seq = head.longInteger("seq");
            String hash = head.text("hash");
            if (head.names().equals(FIELDS) && seq >= 1 && hash != null && HASH.matcher(hash).matches()) {
                return new JournalHead(seq, hash);
            }
        } catch (JsonException e) {
            // not a head; said below
        }
        throw new JournalException(file + " is not a journal head: it was changed after it was written. Do "
                + "not continue this run; keep the folder as evidence and start a new run from plan.json.");
    }

    /** Replaces the head beside {@code journal} with this one, durably: after it returns, a crash keeps it. */
    void write(Path journal) throws IOException {
        Path file = beside(journal);
        byte[] bytes = ("{\"seq\":" + seq + ",\"hash\":\"" + hash + "\"}\n").getBytes(StandardCharsets.UTF_8);
        OwnerOnly.write(file, bytes, "journal head");
        forceFolder(file.getParent());
    }

    /** Makes the rename durable where the OS allows a folder to be forced (POSIX); Windows does not open one. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot force the folder {} after renaming {} ({}); the rename is as durable as the OS makes it",
                    folder, FILE, e.toString());
        }
    }
}
