package dev.envclone.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import dev.envclone.run.UserFolder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/**
 * envclone's log, set up in code: one rolling file, {@code logs/envclone.log} in the user folder (which follows the
 * system property envclone.home), owner-only (decision 0008), rolled daily and at 10 MB ({@link DailyRolling}), 14
 * days and 100 MB kept, no compression (a compressed archive would be a file Logback writes without envclone's
 * permissions), URL secrets masked in lines and stack traces, nothing on the console, Logback's own problems included
 * (standard output and error belong to the command line's messages). Decision record:
 * docs/decisions/0012-a-log-file-in-the-user-folder.md.
 *
 * <p>In code rather than in a logback.xml because reading an XML configuration loads Logback's Joran and the JDK's
 * XML parser, about 700 classes, before the first line of every command (decision 0026). envclone's {@link
 * LogProvider} applies it; Logback finds it through {@code META-INF/services} where SLF4J finds Logback by itself (a
 * test's JVM). A {@code logback.configurationFile} property or the tests' {@code logback-test.xml} still wins
 * ({@link #testsConfigure}), unless the system property {@code envclone.log} is {@code shipped}: a test that starts
 * envclone in a JVM of its own says so to check the log an operator gets.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    // The process id on each line: the wizard and a command line may write the same file at once.
    // %timestamp is %d{yyyy-MM-dd HH:mm:ss.SSSXXX} without java.time's zone rules (LocalTimestamp).
    static final String TIME = "%timestamp ";
    static final String LINE = " [%thread] %-5level %logger{0} - %masked(%msg%n%ex)";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (testsConfigure()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Whether Logback's own search for a configuration wins: a {@code logback.configurationFile} property, or the
     * tests' {@code logback-test.xml} on the class path, unless envclone.log is {@code shipped}. Only a build's class
     * path carries that file, and envclone's classes then come from a folder, not a jar; the jar never looks for it,
     * because looking for a file that is not there opens every jar on the class path (decision 0026).
     */
    static boolean testsConfigure() {
        if ("shipped".equals(System.getProperty("envclone.log"))) {
            return false;
        }
        if (System.getProperty("logback.configurationFile") != null) {
            return true;
        }
        var source = LogConfiguration.class.getProtectionDomain().getCodeSource();
        boolean fromJar = source != null && source.getLocation().getPath().endsWith(".jar");
        return !fromJar && LogConfiguration.class.getClassLoader().getResource("logback-test.xml") != null;
    }

    /** envclone's log configuration, into {@code context}; the user folder is read now. */
    static void apply(LoggerContext context) {
        // Registered first: without a listener Logback prints its own errors (a log folder it cannot make).
        context.getStatusManager().add(new NopStatusListener());

        String folder = UserFolder.home().resolve("logs").toAbsolutePath().toString();
        OwnerOnlyFileAppender appender = new OwnerOnlyFileAppender();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(folder + "/envclone.log");

        // Logback's FileSize units: a MB is 1024 KB.
        DailyRolling rolling = new DailyRolling(10L << 20, 14, 100L << 20, System::currentTimeMillis);
        rolling.setContext(context);
        rolling.setParent(appender);
        appender.setRollingPolicy(rolling);
        rolling.start();

        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("masked", SecretMasking::new);
        layout.getInstanceConverterMap().put("timestamp", LocalTimestamp::new);
        layout.setPattern(TIME + ProcessHandle.current().pid() + LINE);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();

        context.getLogger("dev.envclone").setLevel(Level.DEBUG);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
    }
}
