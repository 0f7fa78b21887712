package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private Path file;

    private Path journalWithThreeEntries() throws Exception {
        file = folder.resolve("journal.jsonl");
        JournalFile journal = JournalFile.open(file, CLOCK);
        journal.append(JournalEvent.RUN_CREATED, null, "alice", Map.of("target", "jdbc:h2:/x"));
        journal.append(JournalEvent.STEP_STARTED, "cleanup-front-ends", "alice", Map.of("statements", "1"));
        journal.append(JournalEvent.STEP_EXECUTED, "cleanup-front-ends", "alice", Map.of("statement.01.changed", "3"));
        return file;
    }

    private Path head() {
        return folder.resolve(JournalHead.FILE);
    }

    private JournalException refused() {
        return assertThrows(JournalException.class, () -> JournalFile.open(file, CLOCK));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private List<byte[]> lines() throws Exception {
        List<byte[]> lines = new ArrayList<>();
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    /** The bytes the next entry's line will have, written to a copy and taken back out. */
    private byte[] nextLine(JournalEvent event, String step, Map<String, String> data) throws Exception {
        byte[] journal = Files.readAllBytes(file);
        byte[] headBytes = Files.readAllBytes(head());
        JournalFile.open(file, CLOCK).append(event, step, "bob", data);
        List<byte[]> lines = lines();
        Files.write(file, journal);
        Files.write(head(), headBytes);
        return lines.get(lines.size() - 1);
    }

    @Test
    void readsBackWhatItWroteWithAnUnbrokenChain() throws Exception {
        journalWithThreeEntries();
        List<JournalEntry> entries = JournalFile.open(file, CLOCK).entries();
        assertEquals(3, entries.size());
        assertEquals(JournalFile.GENESIS, entries.get(0).previous());
        assertEquals(entries.get(0).hash(), entries.get(1).previous());
        assertEquals("3", entries.get(2).get("statement.01.changed"));
        assertEquals(3, Files.readAllLines(file).size());
        assertEquals(StepState.DONE, new RunState(entries).of("cleanup-front-ends"));
    }

    @Test
    void eachHashIsTheSha256OfItsLineAsWritten() throws Exception {
        journalWithThreeEntries();
        List<byte[]> lines = lines();
        JournalFile journal = JournalFile.open(file, CLOCK);
        for (int i = 0; i < 3; i++) {
            assertEquals(sha256(lines.get(i)), journal.entries().get(i).hash());
        }
        assertEquals(sha256(lines.get(2)), journal.lastHash(), "the last line's hash covers the whole journal");
        assertEquals("{\"seq\":3,\"hash\":\"" + sha256(lines.get(2)) + "\"}\n", Files.readString(head()));
    }

    @Test
    void aLineEscapedAsAnotherJacksonWouldIsReadWithItsOwnBytesHash() throws Exception {
        // Escaped é and slash: what another serialiser (or a later Jackson) may write for the same entry.
        file = folder.resolve("journal.jsonl");
        String line = "{\"seq\":1,\"previous\":\"" + JournalFile.GENESIS + "\",\"time\":\"2026-11-24T02:00:00Z\","
                + "\"event\":\"RUN_CREATED\",\"step\":null,\"operator\":\"Ren\\u00e9e\",\"data\":{\"target\":"
                + "\"jdbc:h2:\\/x\"}}";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        Files.write(file, (line + "\n").getBytes(StandardCharsets.UTF_8));
        Files.writeString(head(), "{\"seq\":1,\"hash\":\"" + sha256(bytes) + "\"}\n");

        JournalFile journal = JournalFile.open(file, CLOCK);
        assertEquals("Renée", journal.entries().get(0).operator());
        assertEquals("jdbc:h2:/x", journal.entries().get(0).get("target"));
        assertEquals(sha256(bytes), journal.lastHash());
        journal.append(JournalEvent.PREPARED, null, "bob", Map.of());
        assertEquals(2, JournalFile.open(file, CLOCK).entries().size());
        assertEquals(sha256(bytes), JournalFile.open(file, CLOCK).entries().get(1).previous());
    }

    @Test
    void detectsAnEditedCountInAnEarlierEntry() throws Exception {
        journalWithThreeEntries();
        Files.writeString(file, Files.readString(file).replace("\"statements\":\"1\"", "\"statements\":\"2\""));
        assertTrue(refused().getMessage().contains("was changed after it was written: entry 3 (STEP_EXECUTED "
                + "cleanup-front-ends) does not match its hash chain"), refused().getMessage());
    }

    @Test
    void detectsAnEditedLastEntryByItsHead() throws Exception {
        journalWithThreeEntries();
        Files.writeString(file, Files.readString(file).replace("\"statement.01.changed\":\"3\"",
                "\"statement.01.changed\":\"0\""));
        assertTrue(refused().getMessage().contains("was changed after it was written: entry 3 (STEP_EXECUTED "
                + "cleanup-front-ends) does not match the hash journal.head records"), refused().getMessage());
    }

    @Test
    void detectsARemovedEntry() throws Exception {
        journalWithThreeEntries();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1);
        Files.write(file, lines);
        assertTrue(refused().getMessage().contains("entry 2 (STEP_EXECUTED cleanup-front-ends)"));
    }

    @Test
    void aDeletedLastLineIsRefused() throws Exception {
        journalWithThreeEntries();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        Files.write(file, lines.subList(0, 2));
        String message = refused().getMessage();
        assertTrue(message.contains("was cut after it was written: it has 2 complete entries, but journal.head "
                + "records 3"), message);
    }

    @Test
    void aFileCutInTheMiddleIsRefusedNotTakenForATornTail() throws Exception {
        journalWithThreeEntries();
        byte[] bytes = Files.readAllBytes(file);
        int secondLineStart = lines().get(0).length + 1;
        // Cut inside the second line: the first line is whole, what is left of the second has no newline.
        Files.write(file, Arrays.copyOf(bytes, secondLineStart + 30));
        String message = refused().getMessage();
        assertTrue(message.contains("was cut after it was written: it has 1 complete entry, but journal.head "
                + "records 3"), message);
    }

    @Test
    void aCutInsideAnEarlierLineIsAnEditEvenWithTheHeadRemoved() throws Exception {
        journalWithThreeEntries();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, lines().get(0).length + 1 + 30));
        Files.delete(head());
        assertTrue(refused().getMessage().contains("its last line (2) has no newline and is not the beginning of "
                + "the entry a crash could have cut short"), refused().getMessage());
    }

    @Test
    void aRemovedHeadIsRefusedOnceTheJournalHasTwoEntries() throws Exception {
        journalWithThreeEntries();
        Files.delete(head());
        assertTrue(refused().getMessage().contains("it has 3 entries, but journal.head records 0"),
                refused().getMessage());
    }

    @Test
    void twoAppendedEntriesWithRecomputedHashesAreRefused() throws Exception {
        journalWithThreeEntries();
        byte[] headBytes = Files.readAllBytes(head());
        JournalFile forger = JournalFile.open(file, CLOCK);
        forger.append(JournalEvent.STEP_SKIPPED, "cleanup-saml", "mallory", Map.of("reason", "x"));
        forger.append(JournalEvent.STEP_SKIPPED, "cleanup-lifetime", "mallory", Map.of("reason", "x"));
        Files.write(head(), headBytes);
        assertTrue(refused().getMessage().contains("it has 5 entries, but journal.head records 3"),
                refused().getMessage());
    }

    /**
     * The limit of an unkeyed chain: one entry appended with a recomputed hash is what a crash between the line
     * and the head leaves, and one that also rewrites the head is a journal envclone could have written. Only a
     * signed report, which records the entry count and final hash, tells (ReportVerifier).
     */
    @Test
    void oneAppendedEntryWithARecomputedHashCannotBeToldFromACrashBetweenLineAndHead() throws Exception {
        journalWithThreeEntries();
        byte[] headBytes = Files.readAllBytes(head());
        JournalFile.open(file, CLOCK).append(JournalEvent.STEP_SKIPPED, "cleanup-saml", "mallory",
                Map.of("reason", "x"));
        Files.write(head(), headBytes);

        JournalFile opened = JournalFile.open(file, CLOCK);
        assertEquals(4, opened.entries().size());
        assertTrue(opened.aheadOfHead(), "status says the last entry is not yet in journal.head");
        JournalFile.open(file, CLOCK).append(JournalEvent.PREPARED, null, "bob", Map.of());
        assertFalse(JournalFile.open(file, CLOCK).aheadOfHead(), "the next append settled the head");
    }

    @Test
    void aCrashBetweenTheLineAndTheHeadIsSettledByTheNextAppend() throws Exception {
        journalWithThreeEntries();
        byte[] headBytes = Files.readAllBytes(head());
        JournalFile.open(file, CLOCK).append(JournalEvent.PREPARED, null, "bob", Map.of());
        Files.write(head(), headBytes);
        JournalFile resumed = JournalFile.open(file, CLOCK);
        resumed.append(JournalEvent.TARGET_CHECKED, null, "bob", Map.of("fingerprint", "fp"));
        // A crash again between line and head, after the resumed append: still one entry ahead at most.
        byte[] settled = Files.readAllBytes(head());
        JournalFile.open(file, CLOCK).append(JournalEvent.PREPARED, null, "bob", Map.of());
        Files.write(head(), settled);
        assertEquals(6, JournalFile.open(file, CLOCK).entries().size());
    }

    @Test
    void everyBeginningOfTheNextLineIsATornTailThatIsDroppedBeforeTheNextAppend() throws Exception {
        journalWithThreeEntries();
        byte[] next = nextLine(JournalEvent.STEP_SKIPPED, "cleanup-saml", Map.of("reason", "kept \"as is\" \\ é"));
        byte[] whole = Files.readAllBytes(file);
        for (int cut = 1; cut <= next.length; cut++) {
            Files.write(file, whole);
            Files.write(file, Arrays.copyOf(next, cut), StandardOpenOption.APPEND);
            JournalFile reopened = JournalFile.open(file, CLOCK);
            assertTrue(reopened.hadTornTail(), "cut at " + cut);
            assertEquals(3, reopened.entries().size(), "cut at " + cut);
        }
        JournalFile reopened = JournalFile.open(file, CLOCK);
        reopened.append(JournalEvent.PREPARED, null, "bob", Map.of());
        JournalFile again = JournalFile.open(file, CLOCK);
        assertEquals(4, again.entries().size());
        assertEquals(JournalEvent.PREPARED, again.entries().get(3).event());
        assertFalse(again.hadTornTail());
    }

    @Test
    void aLastLineWithoutNewlineThatIsNotTheNextEntrysBeginningIsAnEdit() throws Exception {
        journalWithThreeEntries();
        byte[] whole = Files.readAllBytes(file);
        String previous = JournalFile.open(file, CLOCK).lastHash();
        for (String tail : List.of("edited by hand", "{\"seq\":4,\"time\":\"2026-11",
                "{\"seq\":5,\"previous\":\"" + previous + "\"", "{\"seq\":4,\"previous\":\"" + JournalFile.GENESIS,
                "{\"seq\":4,\"previous\":\"" + previous + "\",\"time\":\"t\", \"event\"",
                "{\"seq\":4,\"previous\":\"" + previous + "\",\"time\":\"t\",\"event\":\"DELETED_EVERYTHING\"",
                "{\"seq\":4,\"previous\":\"" + previous + "\",\"time\":\"t\",\"event\":\"PREPARED\",\"step\":null,"
                        + "\"operator\":\"b\",\"data\":{}}{")) {
            Files.write(file, whole);
            Files.write(file, tail.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
            assertTrue(refused().getMessage().contains("its last line (4) has no newline and is not the beginning"),
                    tail);
        }
    }

    @Test
    void theWholeLastEntryWithoutItsNewlineIsAnEditNotATornTail() throws Exception {
        journalWithThreeEntries();
        byte[] bytes = Files.readAllBytes(file);
        // Dropping the newline of an entry envclone recorded in the head hides it: the head says 3.
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
        assertTrue(refused().getMessage().contains("it has 2 complete entries, but journal.head records 3"),
                refused().getMessage());
    }

    @Test
    void anEmptyJournalHasNoEntries() throws Exception {
        file = folder.resolve("journal.jsonl");
        Files.write(file, new byte[0]);
        JournalFile journal = JournalFile.open(file, CLOCK);
        assertEquals(List.of(), journal.entries());
        assertEquals(JournalFile.GENESIS, journal.lastHash());
    }

    @Test
    void aTornFirstLineLeavesNoEntries() throws Exception {
        journalWithThreeEntries();
        byte[] first = lines().get(0);
        Files.delete(head());
        Files.write(file, Arrays.copyOf(first, 40));
        JournalFile journal = JournalFile.open(file, CLOCK);
        assertEquals(List.of(), journal.entries());
        assertTrue(journal.hadTornTail());
        journal.append(JournalEvent.RUN_CREATED, null, "alice", Map.of());
        assertEquals(1, JournalFile.open(file, CLOCK).entries().size());
    }

    @Test
    void anEmptiedJournalWhoseHeadRecordsEntriesIsRefused() throws Exception {
        journalWithThreeEntries();
        Files.write(file, new byte[0]);
        assertTrue(refused().getMessage().contains("it has 0 complete entries, but journal.head records 3"),
                refused().getMessage());
    }

    @Test
    void aJournalRemovedBesideItsHeadIsRefused() throws Exception {
        journalWithThreeEntries();
        Files.delete(file);
        assertTrue(refused().getMessage().contains("is missing, but journal.head records 3 entries"),
                refused().getMessage());
    }

    @Test
    void aJournalInTheFormatBeforeLineHashesIsRefused() throws Exception {
        file = folder.resolve("journal.jsonl");
        Files.writeString(file, "{\"seq\":1,\"time\":\"2026-11-24T02:00:00Z\",\"event\":\"RUN_CREATED\",\"step\":null,"
                + "\"operator\":\"alice\",\"data\":{},\"previous\":\"" + JournalFile.GENESIS + "\",\"hash\":\""
                + "ab".repeat(32) + "\"}\n");
        assertTrue(refused().getMessage().contains("line 1 is not a journal entry"), refused().getMessage());
    }

    @Test
    void detectsALineThatIsNoLongerJson() throws Exception {
        journalWithThreeEntries();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, "edited by hand");
        Files.write(file, lines);
        assertTrue(refused().getMessage().contains("line 1 is not a journal entry"));
    }

    @Test
    void aJournalThatGrewWhileOpenIsNotForkedByTheNextAppend() throws Exception {
        journalWithThreeEntries();
        JournalFile first = JournalFile.open(file, CLOCK);
        JournalFile second = JournalFile.open(file, CLOCK);
        second.append(JournalEvent.PREPARED, null, "bob", Map.of());
        byte[] before = Files.readAllBytes(file);

        JournalException e = assertThrows(JournalException.class,
                () -> first.append(JournalEvent.PREPARED, null, "alice", Map.of()));

        assertTrue(e.getMessage().contains("changed while this run was open"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(4, JournalFile.open(file, CLOCK).entries().size());
    }

    @Test
    void aLineBreakInTheOperatorIsRefusedAndNothingIsWritten() throws Exception {
        journalWithThreeEntries();
        byte[] before = Files.readAllBytes(file);
        JournalFile journal = JournalFile.open(file, CLOCK);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> journal.append(
                JournalEvent.PREPARED, null, "alice\n  #4 forged", Map.of()));
        assertEquals("operator \"alice\\n  #4 forged\" holds U+000A LINE FEED (LF) at character 6: it must be one "
                + "line of printable text, without line breaks, control characters or bidirectional overrides",
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }
}
