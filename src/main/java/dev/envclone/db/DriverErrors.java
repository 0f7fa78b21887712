package dev.envclone.db;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what a driver error means for the operator. mssql-jdbc, ojdbc and H2 each say "wrong password" or "port
 * closed" differently: vendor codes where the driver has them, then the exceptions it wraps (walked to the end of
 * the cause chain), then words of its message (mssql-jdbc wraps nothing: the cause is only in its text).
 * {@link ProblemSentences} then says it in one sentence.
 */
public final class DriverErrors {
    private static final Logger LOG = LoggerFactory.getLogger(DriverErrors.class);
    private static final Map<ConnectionProblem, Set<Integer>> SQLSERVER_CODES = Map.of(
            ConnectionProblem.WRONG_LOGIN, Set.of(18456, 18470, 18486, 18487, 18488),
            ConnectionProblem.DATABASE_MISSING, Set.of(4060),
            ConnectionProblem.NO_PRIVILEGE, Set.of(229, 230, 262, 916));
    private static final Map<ConnectionProblem, Set<Integer>> ORACLE_CODES = Map.of(
            ConnectionProblem.WRONG_LOGIN, Set.of(1017, 1005, 28000, 28001),
            ConnectionProblem.UNKNOWN_HOST, Set.of(17868),
            ConnectionProblem.PORT_CLOSED, Set.of(12541),
            ConnectionProblem.NO_ANSWER, Set.of(12170, 12535),
            ConnectionProblem.CERTIFICATE_NOT_TRUSTED, Set.of(29024),
            ConnectionProblem.DATABASE_MISSING, Set.of(12514, 12505, 12521, 12154, 12262, 12263),
            ConnectionProblem.NO_PRIVILEGE, Set.of(942, 1031, 1045));
    private static final Map<ConnectionProblem, Set<Integer>> H2_CODES = Map.of(
            ConnectionProblem.WRONG_LOGIN, Set.of(28000),
            ConnectionProblem.DATABASE_MISSING, Set.of(90146, 90013),
            ConnectionProblem.NO_PRIVILEGE, Set.of(90096));

    /** Message words, in the order tried; the JDK's own texts on Linux, Windows and macOS. */
    private static final Map<ConnectionProblem, List<String>> WORDS = Map.of(
            ConnectionProblem.CERTIFICATE_NOT_TRUSTED, List.of("pkix path", "certification path",
                    "no subject alternative", "certificate_unknown", "certificate verify"),
            ConnectionProblem.UNKNOWN_HOST, List.of("unknownhostexception", "name or service not known",
                    "no such host is known", "nodename nor servname", "temporary failure in name resolution"),
            ConnectionProblem.PORT_CLOSED, List.of("connection refused"),
            ConnectionProblem.NO_ANSWER, List.of("timed out"));
    private static final List<ConnectionProblem> WORD_ORDER = List.of(ConnectionProblem.CERTIFICATE_NOT_TRUSTED,
            ConnectionProblem.UNKNOWN_HOST, ConnectionProblem.PORT_CLOSED, ConnectionProblem.NO_ANSWER);

    private DriverErrors() {
    }

    /**
     * The error as the operator should read it.
     *
     * @param doing what was being done, as it reads before the target: "connecting to", "reading the platform
     *     tables of"; used when the error is none of the known problems
     */
    public static TargetDatabaseException explain(SQLException error, ConnectionSettings target, String doing) {
        if (error instanceof TargetDatabaseException explained) {
            return explained;
        }
        List<Throwable> chain = chain(error);
        ConnectionProblem problem = classify(chain, target);
        String sentence = ProblemSentences.sentence(problem, target, doing, chain);
        String shown = scrub(UrlSecrets.mask(sentence), target.password());
        // The chain without stack traces: each message masked and scrubbed as the sentence is.
        LOG.warn("{} [{}; driver said: {}]", shown, problem, chain.stream().map(t -> t.getClass().getName() + ": "
                + scrub(UrlSecrets.mask(t.getMessage()), target.password()) + (t instanceof SQLException q
                ? " (SQL state " + q.getSQLState() + ", code " + q.getErrorCode() + ")" : ""))
                .collect(Collectors.joining(" <- ")));
        return new TargetDatabaseException(problem, shown, error);
    }

    static ConnectionProblem classify(List<Throwable> chain, ConnectionSettings target) {
        Map<ConnectionProblem, Set<Integer>> codes = target instanceof SqlServerTarget ? SQLSERVER_CODES
                : target instanceof OracleTarget ? ORACLE_CODES : H2_CODES;
        for (Throwable t : chain) {
            if (t instanceof SQLException) {
                int code = ((SQLException) t).getErrorCode();
                for (Map.Entry<ConnectionProblem, Set<Integer>> entry : codes.entrySet()) {
                    if (entry.getValue().contains(code)) {
                        return entry.getKey();
                    }
                }
            }
        }
        for (Throwable t : chain) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || t instanceof CertificateException) {
                return ConnectionProblem.CERTIFICATE_NOT_TRUSTED;
            }
            if (t instanceof UnknownHostException) {
                return ConnectionProblem.UNKNOWN_HOST;
            }
            if (t instanceof ConnectException) {
                return ConnectionProblem.PORT_CLOSED;
            }
            if (t instanceof SocketTimeoutException) {
                return ConnectionProblem.NO_ANSWER;
            }
        }
        // mssql-jdbc words an unresolved host as the UnknownHostException's text alone: Error: "HOST.
        String unresolved = "error: \"" + target.host().toLowerCase(Locale.ROOT) + ".";
        for (Throwable t : chain) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains(unresolved) || message.contains(unresolved.replace(".", ":"))) {
                return ConnectionProblem.UNKNOWN_HOST;
            }
        }
        for (ConnectionProblem problem : WORD_ORDER) {
            for (Throwable t : chain) {
                String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (WORDS.get(problem).stream().anyMatch(message::contains)) {
                    return problem;
                }
            }
        }
        return ConnectionProblem.OTHER;
    }

    /** The error, its causes and chained SQL exceptions, each once. */
    static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); ) {
            chain.add(t);
            Throwable next = t.getCause();
            if (next == null && t instanceof SQLException) {
                next = ((SQLException) t).getNextException();
            }
            t = next;
        }
        return chain;
    }

    /**
     * Drivers do not echo passwords, but a message is shown and logged: make sure. (A URL the message echoes is
     * masked by {@link UrlSecrets#mask} first.)
     */
    static String scrub(String text, Secret password) {
        return password.occursIn(text) ? text.replace(password.reveal(), "****") : text;
    }
}
