package dev.envclone.db;

/**
 * What the operator gives to reach a target database: one of {@link SqlServerTarget}, {@link OracleTarget} or
 * {@link H2Target} (the rehearsal sandbox). Every field is checked when the settings are made, so a typing mistake
 * is reported against its field before anything connects; {@link TargetDatabase} turns valid settings into
 * connections.
 *
 * <p>None of the texts below contains the password: the settings are shown, logged and written into run files.
 */
public sealed interface ConnectionSettings permits SqlServerTarget, OracleTarget, H2Target {

    /** The target in a few words for messages: {@code SQL Server db01:1433 / OSPlatform}. */
    String target();

    /** Where the network connection goes, for "cannot reach" messages: {@code db01:1433}, {@code db01\PROD}. */
    String server();

    /** The host name alone, for "does not resolve" messages. */
    String host();

    /** Who logs in, for "login refused" messages: {@code user OSADMIN}, or the Windows account. */
    String login();

    /** The password ({@link Secret#empty()} with Windows authentication). */
    Secret password();

    /** Every setting in one sentence, as the operator reviews it before connecting; never the password. */
    String describe();
}
