package dev.envclone.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named points in a run where the kill-and-resume tests stop the process for real. With the system property
 * {@code envclone.test.pauseAt=STEP:POINT}, the run writes {@code .paused} in the run folder when it reaches that
 * point and waits there; the test then kills the process with SIGKILL. Without the property nothing happens.
 * Points: {@code before} (the step has not started), {@code pre-images} (saved and journaled, nothing executed),
 * {@code statement-1} (the first statement ran, not committed), {@code committed} (committed, not yet journaled).
 */
final class FaultPoints {
    private static final String PROPERTY = "envclone.test.pauseAt";

    private FaultPoints() {
    }

    static void reached(String step, String point, Path runFolder) {
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
