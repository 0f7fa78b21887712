package dev.envclone.ui.plan;

import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import dev.envclone.sql.InvalidNameException;
import dev.envclone.sql.NameRule;

/**
 * The names typed on the plan page, each with the engine's rule for it. The field names are the ones
 * {@link dev.envclone.procedure.PlanValidator} uses, so the message at a field and the plan's problem read alike.
 */
public enum PlanField {
    SOURCE_ENVIRONMENT("source-env", "source environment", "_Source environment", null, false),
    TARGET_ENVIRONMENT("target-env", "target environment", "_Target environment", null, false),
    ADMIN_USER("admin-user", "admin user", "_Admin user", null, false),
    RUNTIME_USER("runtime-user", "runtime user", "_Runtime user", null, false),
    LOG_ADMIN_USER("log-admin-user", "log admin user", "Log ad_min user", null, false),
    LOG_RUNTIME_USER("log-runtime-user", "log runtime user", "Log runt_ime user", null, false),
    /** The source's users, which the restore brings into the clone and the security-context step drops. */
    SOURCE_ADMIN_USER("source-admin-user", "source admin user", "Restored source admin user", Dbms.SQLSERVER,
            false),
    SOURCE_RUNTIME_USER("source-runtime-user", "source runtime user", "Restored source runtime user",
            Dbms.SQLSERVER, false),
    SOURCE_LOG_ADMIN_USER("source-log-admin-user", "source log admin user", "Restored source log admin user",
            Dbms.SQLSERVER, false),
    SOURCE_LOG_RUNTIME_USER("source-log-runtime-user", "source log runtime user",
            "Restored source log runtime user", Dbms.SQLSERVER, false),
    SOURCE_CATALOG("source-catalog", "source catalog", "Source _catalog", Dbms.SQLSERVER, false),
    CATALOG("catalog", "target catalog", "Tar_get catalog (the restored database)", Dbms.SQLSERVER, false),
    SERVER("server", "database server", "Database ser_ver (host\\instance, optional)", Dbms.SQLSERVER, true),
    SERVER_INSTANCE("server-instance", "server instance", "Ser_ver instance (optional)", Dbms.ORACLE, true),
    SYSTEM_TABLESPACE("tablespace-system", "system tablespace", "S_ystem tablespace", Dbms.ORACLE, false),
    INDEX_TABLESPACE("tablespace-index", "index tablespace", "Index tablespace", Dbms.ORACLE, false),
    USER_TABLESPACE("tablespace-user", "user tablespace", "User tablespace", Dbms.ORACLE, false),
    LOG_SYSTEM_TABLESPACE("tablespace-log-system", "log system tablespace", "Log system tablespace", Dbms.ORACLE,
            false),
    LOG_INDEX_TABLESPACE("tablespace-log-index", "log index tablespace", "Log index tablespace", Dbms.ORACLE,
            false),
    LOG_USER_TABLESPACE("tablespace-log-user", "log user tablespace", "Log user tablespace", Dbms.ORACLE, false),
    /** The login envclone connects with; empty for Windows authentication given in the URL. */
    TARGET_USER("target-user", "target user", "Target us_er", null, true);

    private final String key;
    private final String name;
    private final String label;
    private final Dbms only;
    private final boolean optional;

    PlanField(String key, String name, String label, Dbms only, boolean optional) {
        this.key = key;
        this.name = name;
        this.label = label;
        this.only = only;
        this.optional = optional;
    }

    /** The id of the field's input on the page: {@code plan-catalog}. */
    public String id() {
        return "plan-" + key;
    }

    /** What the engine calls the field in its messages: "target catalog". */
    public String fieldName() {
        return name;
    }

    /** The label on the page, with its mnemonic. */
    public String label() {
        return label;
    }

    public boolean appliesTo(Dbms dbms) {
        return only == null || only == dbms;
    }

    /** Whether the field may be left empty (the plan then leaves the setting out). */
    public boolean optional() {
        return optional;
    }

    /** The engine's message for a value, or null when the value is fine. */
    public String problem(Dbms dbms, String value) {
        if (optional && (value == null || value.isEmpty())) {
            return null;
        }
        try {
            rule(dbms).check(name, value);
            return null;
        } catch (InvalidNameException e) {
            return e.getMessage();
        }
    }

    private NameRule rule(Dbms dbms) {
        switch (this) {
            case SOURCE_ENVIRONMENT:
            case TARGET_ENVIRONMENT:
                return NameRule.ENVIRONMENT;
            case SERVER:
                return NameRule.SQLSERVER_SERVER;
            case SERVER_INSTANCE:
                return NameRule.ORACLE_SERVICE;
            case TARGET_USER:
                return NameRule.LOGIN;
            default:
                return Dialect.of(dbms).identifierRule();
        }
    }
}
