package dev.envclone.run;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * Who holds a run folder or a target: the command, its process id, the host and since when. Written into the run
 * folder's lock file for a refused second process to read, and shown to its operator.
 */
record LockHolder(String command, long pid, String host, Instant since) {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    /** This process, now. */
    static LockHolder current(String command, Clock clock) {
        return new LockHolder(command, ProcessHandle.current().pid(), thisHost(),
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    /** envclone run (process 4242 on JUMPHOST, since 2026-12-01T21:03Z) */
    String describe() {
        return command + " (process " + pid + " on " + host + ", since " + MINUTES.format(since) + ")";
    }

    /** The lock file's text: one key=value per line, readable by a person too. */
    String toText() {
        return "command=" + oneLine(command) + "\npid=" + pid + "\nhost=" + oneLine(host) + "\nsince=" + since
                + "\n";
    }

    /** The holder a lock file names, or null when it is empty or cut short (its holder is still writing it). */
    static LockHolder parse(String text) {
        Properties fields = new Properties();
        try {
            fields.load(new StringReader(text));
            return new LockHolder(fields.getProperty("command"), Long.parseLong(fields.getProperty("pid")),
                    fields.getProperty("host"), Instant.parse(fields.getProperty("since")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The host name without a name lookup where the OS gives it (Windows: COMPUTERNAME; many Unix shells:
     * HOSTNAME), since a slow DNS must not delay a refusal.
     */
    private static String thisHost() {
        for (String variable : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unknown host";
        }
    }

    private static String oneLine(String value) {
        return value.replaceAll("\\p{Cntrl}", " ");
    }
}
