package dev.envclone.ui.cleanup;

import dev.envclone.db.CancelToken;
import dev.envclone.db.PreImage;
import dev.envclone.db.StepBlockedException;
import dev.envclone.db.StepFailedException;
import dev.envclone.db.StepPreview;
import dev.envclone.db.StepResult;
import dev.envclone.db.UrlSecrets;
import dev.envclone.run.GuardException;
import dev.envclone.sql.InvalidNameException;
import dev.envclone.sql.RefusedTableException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the page says after a preview, an execution or a failure, in plain sentences: totals first (what the
 * operator looks for), then each statement, then where the saved rows are or what went wrong and what was kept.
 */
final class CleanupMessages {
    private static final String FAILED_PREFIX_END = "changed): ";

    private CleanupMessages() {
    }

    static String previewed(StepPreview preview) {
        if (preview.statements().isEmpty()) {
            return "Preview: the database lists nothing for this step, so there is no statement to run; nothing "
                    + "would change.";
        }
        StringBuilder text = new StringBuilder("Preview: " + rows(preview.total()) + " in total would change. "
                + "Nothing was changed.");
        for (int i = 0; i < preview.counts().size(); i++) {
            text.append("\nStatement ").append(i + 1).append(": ").append(rows(preview.counts().get(i)));
        }
        return text.toString();
    }

    static String executed(StepResult result, Path runFolder) {
        long total = result.changed().stream().mapToLong(Integer::longValue).sum();
        StringBuilder text = new StringBuilder("Executed and committed: " + rows(total) + " changed in total.");
        for (int i = 0; i < result.changed().size(); i++) {
            text.append("\nStatement ").append(i + 1).append(": ").append(rows(result.changed().get(i)))
                    .append(" changed");
        }
        List<PreImage> saved = result.preImages();
        if (saved.isEmpty()) {
            text.append("\nThere was no statement to run, so no rows were saved.");
        } else {
            Path folder = saved.get(0).file().getParent();
            String shown = folder.startsWith(runFolder) ? runFolder.relativize(folder).toString().replace('\\', '/')
                    : folder.toString();
            text.append("\nThe rows as they were before (pre-images, ").append(saved.size())
                    .append(saved.size() == 1 ? " file" : " files").append(") are saved in ").append(shown)
                    .append(" in the run folder.");
        }
        return text.toString();
    }

    /** The failure of a preview or an execution, and what it left behind. */
    static String failed(Throwable error, boolean preview) {
        if (error instanceof CancelToken.CancelledException) {
            return preview ? "Preview cancelled; nothing was recorded." : "Cancelled: nothing of the step was kept.";
        }
        if (error instanceof StepFailedException) {
            StepFailedException failed = (StepFailedException) error;
            return "Statement " + failed.statementNumber() + " failed and the whole step was rolled back: "
                    + reason(failed.getMessage()) + "\n\nThe failing statement:\n" + failed.statement()
                    + "\n\nNo row of the step changed; fix the cause and execute the step again.";
        }
        if (error instanceof GuardException) {
            return "The target was refused: " + error.getMessage() + "\nNothing was executed.";
        }
        if (error instanceof RefusedTableException) {
            return error.getMessage(); // it says itself that nothing of the step ran
        }
        if (error instanceof StepBlockedException || error instanceof InvalidNameException) {
            return error.getMessage() + "\nNothing was executed.";
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName()
                : UrlSecrets.mask(error.getMessage());
        return preview ? "The preview failed: " + message + "\nNothing was changed."
                : "The step did not run to the end: " + message + "\nNothing of the step was kept.";
    }

    /** The engine's message repeats the statement number before the cause; the page says that part itself. */
    private static String reason(String message) {
        int at = message == null ? -1 : message.indexOf(FAILED_PREFIX_END);
        return at < 0 ? String.valueOf(message) : message.substring(at + FAILED_PREFIX_END.length());
    }

    static String rows(long count) {
        return count == 1 ? "1 row" : count + " rows";
    }
}
