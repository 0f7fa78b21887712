package dev.envclone.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named points in a run where the kill-and-resume tests stop the process for real. With the system property
 * {@code envclone.test.pauseAt=STEP:POINT}, the run writes {@code .paused} in the run folder when it reaches that
 * point and waits there; the test then kills the process with SIGKILL. Without the property nothing happens.
 * Points: {@code before} (the step has not started), {@code pre-images} (saved and journaled, nothing executed),
 * {@code statement-N} (statement N ran, not committed), {@code committed} (committed, not yet journaled),
 * {@code postcondition} (its effect measured, not yet journaled).
 *
 * <p>In-process, a test may instead {@link #crashAt crash} the run at a point: the run stops there at once with
 * {@link SimulatedCrash}, writing nothing more, as a killed process would (its open transaction is rolled back, as
 * the database does for a connection that is gone).
 */
final class FaultPoints {
    private static final String PROPERTY = "envclone.test.pauseAt";
    private static volatile String crashAt;

    private FaultPoints() {
    }

    /** The run stops at {@code step:point} with {@link SimulatedCrash}; null: nowhere. Tests only. */
    static void crashAt(String stepAndPoint) {
        crashAt = stepAndPoint;
    }

    /** What a kill does to the run in-process: it ends where it is, and nothing catches it. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String where) {
            super("simulated crash at " + where);
        }
    }

    static void reached(String step, String point, Path runFolder) {
        if ((step + ":" + point).equals(crashAt)) {
            crashAt = null;
            throw new SimulatedCrash(step + ":" + point);
        }
        if (!(step + ":" + point).equals(System.getProperty(PROPERTY))) {
            return;
        }
        try {
            Files.writeString(runFolder.resolve(".paused"), step + ":" + point);
            while (true) {
                Thread.sleep(1_000);
            }
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("test pause interrupted", e);
        }
    }
}
