package dev.envclone.ui.cleanup;

import dev.envclone.run.JournalEntry;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.StepState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A cleanup step's state in one sentence, from the journal entry that put it there: who, when, and the reason, note
 * or message the entry kept. The operator reads it to know whether the step still needs doing.
 */
final class StepStateText {
    // UTC, as the journal and the report record it, so the three agree when compared side by side.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private StepStateText() {
    }

    static String of(StepState state, JournalEntry entry) {
        if (entry != null && entry.event() == JournalEvent.STEP_RESTORED) {
            return "Pending: restored from its pre-images by " + entry.operator() + " on " + time(entry.time()) + "; "
                    + rows(entry.get("total")) + " put back. Execute runs it again.";
        }
        if (entry == null || state == StepState.PENDING) {
            return "Pending: not previewed or executed in this run yet.";
        }
        String by = " by " + entry.operator() + " on " + time(entry.time());
        switch (state) {
            case PREPARED:
                return "Prepared: previewed" + by + "; " + rows(entry.get("total")) + " would change."
                        + (entry.get("blocked") == null ? "" : " Blocked: " + entry.get("blocked"));
            case IN_DOUBT:
                return "In doubt: started" + by + " and not finished when envclone stopped. The next preview or "
                        + "execute connects and settles it from what the database shows.";
            case DONE:
                return entry.get("total") == null ? "Done: settled" + by + " (it had committed before an "
                        + "interruption)." : "Done: executed" + by + "; " + rows(entry.get("total")) + " changed.";
            case DONE_BY_DBA:
                return "Done by DBA " + entry.get("dba") + ", recorded" + by + "."
                        + note(entry.get("note"));
            case SKIPPED:
                return "Skipped" + by + ". Reason: " + entry.get("reason");
            case FAILED:
                return entry.get("message") == null ? "Failed" + by + "; the step was rolled back and can be run again."
                        : "Failed" + by + ": " + entry.get("message") + " The step can be run again.";
            case BLOCKED:
                return "Blocked" + by + "; nothing was executed. " + entry.get("message");
            default:
                return state.label();
        }
    }

    private static String rows(String total) {
        if (total == null) {
            return "an unknown number of rows";
        }
        return "1".equals(total) ? "1 row" : total + " rows";
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : " Note: " + note;
    }

    private static String time(String iso) {
        if (iso == null) {
            return "an unrecorded time";
        }
        try {
            return TIME.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
