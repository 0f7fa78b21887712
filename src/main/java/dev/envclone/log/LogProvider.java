package dev.envclone.log;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.core.CoreConstants;

/**
 * Logback as envclone's SLF4J binding, named to SLF4J ({@link #choose}) rather than found: finding a provider, and
 * then Logback's own configurator, goes through {@code ServiceLoader}, which opens every jar on the class path to look
 * for a file in {@code META-INF/services} (about 45 ms for envclone's thirty jars, decision 0026); this provider
 * applies {@link LogConfiguration} directly. Where the tests' configuration wins
 * ({@link LogConfiguration#testsConfigure}) it initialises as Logback's own provider does.
 */
public final class LogProvider extends LogbackServiceProvider {
    static final String PROVIDER = "slf4j.provider";
    // SLF4J says "Attempting to load provider ..." at INFO on standard error, which belongs to the command line.
    static final String VERBOSITY = "slf4j.internal.verbosity";

    /** Names this provider to SLF4J, before anything logs; a provider or verbosity already set is left alone. */
    public static void choose() {
        if (System.getProperty(PROVIDER) == null) {
            System.setProperty(PROVIDER, LogProvider.class.getName());
            if (System.getProperty(VERBOSITY) == null) {
                System.setProperty(VERBOSITY, "WARN");
            }
        }
    }

    @Override
    public void initialize() {
        if (LogConfiguration.testsConfigure()) {
            super.initialize();
            return;
        }
        // What Logback's provider does, with envclone's configuration instead of its search for one.
        LoggerContext context = (LoggerContext) getLoggerFactory();
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(getMDCAdapter());
        LogConfiguration.apply(context);
        context.start();
    }
}
