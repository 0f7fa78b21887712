package dev.envclone.procedure;

import dev.envclone.json.JsonException;
import dev.envclone.json.JsonFields;
import dev.envclone.json.JsonTree;
import dev.envclone.sql.Dbms;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * plan.json read back field by field, the mirror of {@link PlanJsonWriter}: every field of the records, nothing
 * else (an unknown field is refused with its path, as databind's {@code FAIL_ON_UNKNOWN_PROPERTIES} did), missing
 * fields read as databind read them (null; 0 for a number), so a plan written before a field was added still reads.
 * What the values mean is {@link PlanValidator}'s to check.
 */
final class PlanJsonReader {
    private PlanJsonReader() {
    }

    static PlanJson.PlanDocument read(String text) throws JsonException {
        JsonFields document = JsonFields.of(JsonTree.parse(text));
        int format = document.integer("format");
        JsonFields plan = document.object("plan");
        document.done();
        return new PlanJson.PlanDocument(format, plan == null ? null : plan(plan));
    }

    private static MigrationPlan plan(JsonFields plan) throws JsonException {
        List<OptionalPart> parts = plan.names("parts", OptionalPart.class);
        MigrationPlan read = new MigrationPlan(plan.text("sourceEnvironment"), plan.text("targetEnvironment"),
                plan.name("dbms", Dbms.class), plan.name("installPath", InstallPath.class),
                users(plan.object("users")), parts == null || parts.isEmpty() ? null : EnumSet.copyOf(parts),
                sqlServer(plan.object("sqlServer")), oracle(plan.object("oracle")), plan.text("sourceFingerprint"));
        plan.done();
        return read;
    }

    private static SqlServerSettings sqlServer(JsonFields settings) throws JsonException {
        if (settings == null) {
            return null;
        }
        SqlServerSettings read = new SqlServerSettings(settings.text("server"), catalog(settings.object("platform")),
                catalog(settings.object("log")), settings.text("backupFolder"), settings.text("dataFolder"),
                settings.text("logFolder"), settings.text("sessionCatalog"), settings.text("sessionUser"),
                restore(settings.object("restore")), users(settings.object("sourceUsers")));
        settings.done();
        return read;
    }

    private static CatalogClone catalog(JsonFields catalog) throws JsonException {
        if (catalog == null) {
            return null;
        }
        List<DatabaseFile> files = new ArrayList<>();
        for (JsonFields file : required(catalog.objects("files"), catalog, "files")) {
            files.add(new DatabaseFile(file.text("logicalName"), file.bool("log")));
            file.done();
        }
        CatalogClone read = new CatalogClone(catalog.text("sourceCatalog"), catalog.text("catalog"), files);
        catalog.done();
        return read;
    }

    private static RestoreSettings restore(JsonFields restore) throws JsonException {
        if (restore == null) {
            return null;
        }
        RestoreSettings read = new RestoreSettings(restore.text("backupName"),
                restore.name("recoveryModel", RecoveryModel.class), restore.text("owner"),
                restore.text("dataFileGrowth"), restore.text("logFileGrowth"));
        restore.done();
        return read;
    }

    private static OracleSettings oracle(JsonFields settings) throws JsonException {
        if (settings == null) {
            return null;
        }
        OracleSettings read = new OracleSettings(settings.text("serverInstance"),
                required(settings.texts("exportedSchemas"), settings, "exportedSchemas"),
                required(settings.texts("exportedTablespaces"), settings, "exportedTablespaces"),
                remaps(settings, "schemaRemaps"), remaps(settings, "tablespaceRemaps"),
                tablespaces(settings.object("tablespaces")), dataPump(settings.object("dataPump")),
                settings.text("datafileFolder"), settings.text("sessionUser"), settings.text("sessionTablespace"),
                settings.text("temporaryTablespace"), ssh(settings.object("ssh")));
        settings.done();
        return read;
    }

    private static List<Remap> remaps(JsonFields settings, String field) throws JsonException {
        List<Remap> remaps = new ArrayList<>();
        for (JsonFields remap : required(settings.objects(field), settings, field)) {
            remaps.add(new Remap(remap.text("from"), remap.text("to")));
            remap.done();
        }
        return remaps;
    }

    private static Tablespaces tablespaces(JsonFields names) throws JsonException {
        if (names == null) {
            return null;
        }
        Tablespaces read = new Tablespaces(names.text("system"), names.text("index"), names.text("user"),
                names.text("logSystem"), names.text("logIndex"), names.text("logUser"));
        names.done();
        return read;
    }

    private static DataPumpSettings dataPump(JsonFields dataPump) throws JsonException {
        if (dataPump == null) {
            return null;
        }
        DataPumpSettings read = new DataPumpSettings(dataPump.text("directory"), dataPump.text("dumpFile"),
                dataPump.text("exportLogFile"), dataPump.text("importLogFile"), dataPump.integer("parallel"));
        dataPump.done();
        return read;
    }

    private static SshSettings ssh(JsonFields ssh) throws JsonException {
        if (ssh == null) {
            return null;
        }
        SshSettings read = new SshSettings(ssh.text("host"), ssh.integer("port"), ssh.text("user"),
                ssh.text("keyFile"), ssh.text("knownHosts"));
        ssh.done();
        return read;
    }

    private static PlatformUsers users(JsonFields users) throws JsonException {
        if (users == null) {
            return null;
        }
        PlatformUsers read = new PlatformUsers(users.text("admin"), users.text("runtime"), users.text("logAdmin"),
                users.text("logRuntime"));
        users.done();
        return read;
    }

    /** A list the record cannot be made without (databind failed there on the record's {@code List.copyOf}). */
    private static <T> List<T> required(List<T> list, JsonFields owner, String field) throws JsonException {
        if (list == null) {
            throw new JsonException(owner.path() + "." + field + " is missing: give a list, [] for none");
        }
        return list;
    }
}
