package dev.envclone.clone;

import java.util.regex.Pattern;

/**
 * Who runs expdp or impdp and against which database: what envclone types at the tool's {@code Username:} prompt
 * (the user, then {@code @} and the connect identifier when given), before the password at its {@code Password:}
 * prompt. Neither is ever on a command line. The user should hold DATAPUMP_EXP_FULL_DATABASE or
 * DATAPUMP_IMP_FULL_DATABASE; Oracle advises against SYSDBA, so {@code AS SYSDBA} is not offered.
 *
 * @param user the Oracle user, e.g. SYSTEM
 * @param connectIdentifier a net service name or an Easy Connect string ({@code dbhost:1521/ORCLPDB}); null for the
 *     host's default database ({@code ORACLE_SID})
 */
public record DataPumpLogin(String user, String connectIdentifier) {
    private static final Pattern USER = Pattern.compile("[A-Za-z][A-Za-z0-9_$#]{0,127}");
    /** Easy Connect and net service names; no blank, quote or line break that could end the answer early. */
    private static final Pattern CONNECT = Pattern.compile("[A-Za-z0-9_.:/\\-\\[\\]]{1,255}");

    public DataPumpLogin {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("The Data Pump user '" + user + "' is not an Oracle user name: give "
                    + "a plain name such as SYSTEM (letters, digits, _ $ #, starting with a letter)");
        }
        if (connectIdentifier != null && !CONNECT.matcher(connectIdentifier).matches()) {
            throw new IllegalArgumentException("The connect identifier '" + connectIdentifier + "' is not a net "
                    + "service name or an Easy Connect string such as dbhost:1521/ORCLPDB: give one without blanks "
                    + "or quotes");
        }
    }

    /** The answer to the {@code Username:} prompt. */
    String promptAnswer() {
        return connectIdentifier == null ? user : user + "@" + connectIdentifier;
    }

    /** The job's owner, as {@code ATTACH=owner.job} names it: an unquoted name is upper case. */
    String owner() {
        return user.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return promptAnswer();
    }
}
