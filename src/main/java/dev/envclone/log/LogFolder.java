package dev.envclone.log;

import ch.qos.logback.core.PropertyDefinerBase;
import dev.envclone.run.UserFolder;

/**
 * The folder logback.xml writes into: {@code logs} in the user folder, which follows the system property
 * envclone.home as everything else there does (tests, an operator who keeps it elsewhere). Read when Logback starts,
 * that is at the first log line of the process.
 */
public final class LogFolder extends PropertyDefinerBase {
    @Override
    public String getPropertyValue() {
        return UserFolder.home().resolve("logs").toAbsolutePath().toString();
    }
}
