package dev.envclone.clone;

import dev.envclone.db.Secret;
import dev.envclone.db.TargetSession;
import dev.envclone.sql.Dbms;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * How the SQL Server route reaches one server (the source or the target): the JDBC URL as the operator gave it
 * (never with a password), the login and its password. Every session is opened through {@link TargetSession}.
 */
public record SqlServerLogin(String url, String user, Secret password) {

    /** A server-level session in master with autocommit, for BACKUP, RESTORE and what they read. */
    TargetSession server() throws SQLException {
        char[] chars = password.toCharArray();
        try {
            return TargetSession.openServer(url, user, chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** A session on the database the URL names, as every target session is opened (the fingerprint). */
    TargetSession database() throws SQLException {
        char[] chars = password.toCharArray();
        try {
            return TargetSession.open(url, user, chars, Dbms.SQLSERVER, null);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    @Override
    public String toString() {
        return "SqlServerLogin[" + dev.envclone.db.JdbcUrlTarget.withoutSecrets(url) + ", " + user + "]";
    }
}
