package dev.envclone.ui.plan;

import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
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
    // The clone's settings (issue 12): every one a plan field, so nothing a site differs in is fixed.
    BACKUP_FOLDER("backup-folder", "backup folder", "Bac_kup folder", Dbms.SQLSERVER, false),
    DATA_FOLDER("data-folder", "data folder", "Data folder", Dbms.SQLSERVER,
            false),
    LOG_FOLDER("log-folder", "log folder", "Log folder", Dbms.SQLSERVER, false),
    /**
     * Typed, or read from a SQL Server source's catalog by the page's "Read files from the source"
     * (SourceFilesRead); the restore compares them with RESTORE FILELISTONLY either way. No mnemonic: its
     * letters are taken; the button next to it has one.
     */
    FILES("files", "logical file name", "Logical files",
            Dbms.SQLSERVER, false, Kind.FILE_LIST),
    SOURCE_LOG_CATALOG("source-log-catalog", "source log catalog", "Source log catalog",
            Dbms.SQLSERVER, true),
    LOG_CATALOG("log-catalog", "target log catalog", "Target log catalog", Dbms.SQLSERVER,
            true),
    LOG_FILES("log-files", "log logical file name", "Log catalog's files", Dbms.SQLSERVER, true,
            Kind.FILE_LIST),
    /** The source's schemas, which the export takes and the import remaps to the target users above. */
    EXPORTED_ADMIN_USER("exported-admin-user", "exported admin schema", "E_xported admin schema", Dbms.ORACLE, false),
    EXPORTED_RUNTIME_USER("exported-runtime-user", "exported runtime schema", "Exported runtime schema",
            Dbms.ORACLE, false),
    EXPORTED_LOG_ADMIN_USER("exported-log-admin-user", "exported log admin schema", "Exported log admin schema",
            Dbms.ORACLE, false),
    EXPORTED_LOG_RUNTIME_USER("exported-log-runtime-user", "exported log runtime schema",
            "Exported log runtime schema", Dbms.ORACLE, false),
    APPLICATION_SCHEMAS("application-schemas", "application schema",
            "Application schemas", Dbms.ORACLE, true, Kind.REMAP_LIST),
    APPLICATION_TABLESPACES("application-tablespaces", "application tablespace",
            "Application tablespaces", Dbms.ORACLE, true, Kind.REMAP_LIST),
    DIRECTORY("directory", "Data Pump directory", "Data Pump dire_ctory", Dbms.ORACLE, false),
    DUMP_FILE("dump-file", "dump file", "Dump file", Dbms.ORACLE, false),
    PARALLEL("parallel", "parallel", "Parallel de_gree", Dbms.ORACLE, false, Kind.PARALLEL),
    /** Empty: the clone runs through DBMS_DATAPUMP over JDBC, or a DBA does it. */
    SSH_TARGET("ssh", "SSH target", "SS_H target", Dbms.ORACLE, true,
            Kind.SSH_TARGET),
    SSH_KEY("ssh-key", "SSH key file", "SSH _key file", Dbms.ORACLE, true),
    SSH_KNOWN_HOSTS("ssh-known-hosts", "SSH known_hosts file", "SSH known__hosts file", Dbms.ORACLE,
            true),
    /** The login envclone connects with; empty for Windows authentication given in the URL. */
    TARGET_USER("target-user", "target user", "Target us_er", null, true);

    /** How a field's text is read: one name, or a list or value of its own shape. */
    enum Kind { NAME, FILE_LIST, REMAP_LIST, PARALLEL, SSH_TARGET }

    private final String key;
    private final String name;
    private final String label;
    private final Dbms only;
    private final boolean optional;
    private final Kind kind;

    PlanField(String key, String name, String label, Dbms only, boolean optional) {
        this(key, name, label, only, optional, Kind.NAME);
    }

    PlanField(String key, String name, String label, Dbms only, boolean optional, Kind kind) {
        this.key = key;
        this.name = name;
        this.label = label;
        this.only = only;
        this.optional = optional;
        this.kind = kind;
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
            switch (kind) {
                case NAME -> rule(dbms).check(name, value);
                case FILE_LIST -> FieldValues.files(this, value);
                case REMAP_LIST -> FieldValues.remaps(this, value);
                case PARALLEL -> FieldValues.parallel(value);
                case SSH_TARGET -> FieldValues.ssh(value, null, null);
            }
            return null;
        } catch (IllegalArgumentException e) {
            // InvalidNameException is one: a name rule's message, or a list's or target's shape
            return e.getMessage();
        }
    }

    /** The rule of a field holding one name; list fields check each name with it. */
    NameRule rule(Dbms dbms) {
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
            case BACKUP_FOLDER:
            case DATA_FOLDER:
            case LOG_FOLDER:
                return NameRule.WINDOWS_FOLDER;
            case DUMP_FILE:
                return NameRule.DUMP_FILE;
            case SSH_KEY:
            case SSH_KNOWN_HOSTS:
                return NameRule.LOCAL_FILE;
            default:
                return Dialect.of(dbms).identifierRule();
        }
    }
}
