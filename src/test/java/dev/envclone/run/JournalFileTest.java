package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private Path journalWithThreeEntries() throws Exception {
        Path file = folder.resolve("journal.jsonl");
        JournalFile journal = JournalFile.open(file, CLOCK);
        journal.append(JournalEvent.RUN_CREATED, null, "alice", Map.of("target", "jdbc:h2:/x"));
        journal.append(JournalEvent.STEP_STARTED, "cleanup-front-ends", "alice", Map.of("statements", "1"));
        journal.append(JournalEvent.STEP_EXECUTED, "cleanup-front-ends", "alice", Map.of("statement.01.changed", "3"));
        return file;
    }

    @Test
    void readsBackWhatItWroteWithAnUnbrokenChain() throws Exception {
        Path file = journalWithThreeEntries();
        JournalFile reopened = JournalFile.open(file, CLOCK);
        List<JournalEntry> entries = reopened.entries();
        assertEquals(3, entries.size());
        assertEquals(JournalFile.GENESIS, entries.get(0).previous());
        assertEquals(entries.get(0).hash(), entries.get(1).previous());
        assertEquals("3", entries.get(2).get("statement.01.changed"));
        assertEquals(3, Files.readAllLines(file).size());
        assertEquals(StepState.DONE, new RunState(entries).of("cleanup-front-ends"));
    }

    @Test
    void detectsAnEditedCount() throws Exception {
        Path file = journalWithThreeEntries();
        String text = Files.readString(file).replace("\"statement.01.changed\":\"3\"", "\"statement.01.changed\":\"0\"");
        Files.writeString(file, text);
        JournalException e = assertThrows(JournalException.class, () -> JournalFile.open(file, CLOCK));
        assertTrue(e.getMessage().contains("was changed after it was written: entry 3 (STEP_EXECUTED "
                + "cleanup-front-ends) does not match its hash chain"), e.getMessage());
    }

    @Test
    void detectsARemovedEntry() throws Exception {
        Path file = journalWithThreeEntries();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1);
        Files.write(file, lines);
        assertTrue(assertThrows(JournalException.class, () -> JournalFile.open(file, CLOCK)).getMessage()
                .contains("entry 2 (STEP_EXECUTED cleanup-front-ends)"));
    }

    @Test
    void detectsALineThatIsNoLongerJson() throws Exception {
        Path file = journalWithThreeEntries();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, "edited by hand");
        Files.write(file, lines);
        assertTrue(assertThrows(JournalException.class, () -> JournalFile.open(file, CLOCK)).getMessage()
                .contains("line 1 is not a journal entry"));
    }

    @Test
    void aLineCutShortByACrashIsDroppedBeforeTheNextAppend() throws Exception {
        Path file = journalWithThreeEntries();
        Files.write(file, "{\"seq\":4,\"time\":\"2026-11".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        JournalFile reopened = JournalFile.open(file, CLOCK);
        assertTrue(reopened.hadTornTail());
        assertEquals(3, reopened.entries().size());
        reopened.append(JournalEvent.PREPARED, null, "bob", Map.of());
        JournalFile again = JournalFile.open(file, CLOCK);
        assertEquals(4, again.entries().size());
        assertEquals(JournalEvent.PREPARED, again.entries().get(3).event());
    }
}
