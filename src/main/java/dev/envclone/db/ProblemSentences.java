package dev.envclone.db;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One plain sentence per {@link ConnectionProblem}: what happened to which target, then what to check. Written for
 * an administrator in a maintenance window, who needs the next action, not the driver's stack.
 */
final class ProblemSentences {
    /** The object a permission error names: H2 {@code object "PUBLIC.X"}, SQL Server {@code object 'X'}. */
    private static final Pattern OBJECT = Pattern.compile("(?i)object [\"']([^\"']+)[\"']");

    private ProblemSentences() {
    }

    static String sentence(ConnectionProblem problem, ConnectionSettings target, String doing,
            List<Throwable> chain) {
        switch (problem) {
            case WRONG_LOGIN:
                if (target instanceof SqlServerTarget && ((SqlServerTarget) target).windowsAuthentication()) {
                    return target.target() + " refused the Windows account running envclone: give that account a "
                            + "login on the server, or use a SQL login.";
                }
                return target.target() + " refused " + target.login() + ": the user name or password is wrong (or "
                        + "the account is locked or expired); check both and try again.";
            case UNKNOWN_HOST:
                return "The host " + target.host() + " does not resolve, so " + target.target() + " cannot be "
                        + "reached: check the spelling of the server name and this machine's DNS settings.";
            case PORT_CLOSED:
                return "Nothing is listening on " + target.server() + " (the port is closed or the server is down): "
                        + "check the port number and that " + service(target) + ".";
            case NO_ANSWER:
                return noAnswer(target);
            case CERTIFICATE_NOT_TRUSTED:
                return target.server() + " presented a TLS certificate this machine does not trust: " + trustAdvice(
                        target);
            case DATABASE_MISSING:
                return databaseMissing(target);
            case NO_PRIVILEGE:
                return capitalized(target.login()) + " may not read " + object(chain) + " on " + target.target()
                        + ": grant it SELECT on the platform tables (and UPDATE and DELETE for the cleanup), or "
                        + "connect as the owner of the platform database.";
            default:
                return capitalized(doing) + " " + target.target() + " failed: " + driverMessage(chain) + ".";
        }
    }

    private static String service(ConnectionSettings target) {
        if (target instanceof SqlServerTarget) {
            return "SQL Server is running with TCP/IP enabled";
        }
        return target instanceof OracleTarget ? "the Oracle listener is running" : "the H2 TCP server is running";
    }

    private static String noAnswer(ConnectionSettings target) {
        if (target instanceof SqlServerTarget && ((SqlServerTarget) target).instance() != null
                && ((SqlServerTarget) target).port() == 0) {
            SqlServerTarget sqlServer = (SqlServerTarget) target;
            return "SQL Server Browser on " + sqlServer.host() + " did not say where instance " + sqlServer.instance()
                    + " listens: check the instance name, that the SQL Server Browser service runs and that UDP "
                    + "port 1434 is open, or give the instance's port instead.";
        }
        return target.server() + " did not answer in time: check the server name and port, and that no firewall "
                + "blocks the way from this machine.";
    }

    private static String trustAdvice(ConnectionSettings target) {
        if (target instanceof SqlServerTarget) {
            return "import the certificate of the authority that issued it into Java's trust store, or, only if it "
                    + "is self-signed and you have checked it another way (its thumbprint, with the DBA), choose to "
                    + "trust the server certificate (trustServerCertificate).";
        }
        return "import the certificate of the authority that issued it (or the self-signed certificate, once checked "
                + "with the DBA) into Java's trust store or the Oracle wallet.";
    }

    private static String databaseMissing(ConnectionSettings target) {
        if (target instanceof SqlServerTarget) {
            SqlServerTarget sqlServer = (SqlServerTarget) target;
            return "SQL Server " + sqlServer.server() + " has no database " + sqlServer.database() + " that "
                    + sqlServer.login() + " may open: check the database name, and that the login has a user in it.";
        }
        if (target instanceof OracleTarget) {
            OracleTarget oracle = (OracleTarget) target;
            if (oracle.isTnsAlias()) {
                return "TNS alias " + oracle.connectIdentifier() + " is not found in " + oracle.tnsAdmin()
                        .resolve("tnsnames.ora") + ": check the alias and the TNS_ADMIN folder.";
            }
            return "The listener on " + oracle.server() + " does not know the service "
                    + (oracle.service() == null ? "(none given: the default)" : oracle.service())
                    + ": check the service name (lsnrctl services lists the ones it knows).";
        }
        return "H2 database " + ((H2Target) target).database() + " does not exist: check the path (envclone sandbox "
                + "create prints the URL as its last line).";
    }

    private static String object(List<Throwable> chain) {
        for (Throwable t : chain) {
            Matcher matcher = OBJECT.matcher(String.valueOf(t.getMessage()));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return "the platform tables";
    }

    /** The first SQL error's first line: ojdbc adds a help link on the next, H2 the statement (named on this one). */
    private static String driverMessage(List<Throwable> chain) {
        Throwable first = chain.stream().filter(SQLException.class::isInstance).findFirst().orElse(chain.get(0));
        String message = String.valueOf(first.getMessage()).strip();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline).strip();
        message = message.endsWith("; SQL statement:") ? message.substring(0, message.length() - 16) : message;
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
