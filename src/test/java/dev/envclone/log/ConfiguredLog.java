package dev.envclone.log;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import org.slf4j.Logger;

/**
 * envclone's real log configuration (LogConfiguration), applied to a Logger context of the test's own (the build's log is left alone) with
 * the user folder at {@code home}, as a process started with -Denvclone.home=HOME has it.
 */
final class ConfiguredLog implements AutoCloseable {
    private final LoggerContext context = new LoggerContext();

    ConfiguredLog(Path home) {
        String before = System.getProperty("envclone.home");
        System.setProperty("envclone.home", home.toString());
        // A context of one's own needs its MDC adapter; SLF4J's provider sets the global context's.
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        try {
            LogConfiguration.apply(context);
            if (Boolean.getBoolean("debug.log")) {
                ch.qos.logback.core.util.StatusPrinter2 printer = new ch.qos.logback.core.util.StatusPrinter2();
                printer.print(context);
            }
        } finally {
            if (before == null) {
                System.clearProperty("envclone.home");
            } else {
                System.setProperty("envclone.home", before);
            }
        }
    }

    Logger logger(Class<?> type) {
        return context.getLogger(type);
    }

    LoggerContext context() {
        return context;
    }

    @Override
    public void close() {
        context.stop();
    }
}
