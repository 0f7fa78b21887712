package dev.envclone.log;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * This process's id, for each log line: the wizard and a command line may write the same file at once, and a reader
 * tells their lines apart by it.
 */
public final class ProcessId extends PropertyDefinerBase {
    @Override
    public String getPropertyValue() {
        return String.valueOf(ProcessHandle.current().pid());
    }
}
