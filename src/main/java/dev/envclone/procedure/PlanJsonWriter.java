package dev.envclone.procedure;

import dev.envclone.json.JsonTree;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Collection;
import java.util.List;

/**
 * plan.json written field by field with Jackson's streaming generator: the bytes Jackson's databind wrote from the
 * records (their components in order, the same pretty printer; the golden plan.json files hold them), without
 * databind's set-up and its introspection of the records, which was a sixth of a {@code plan} (decision 0026).
 * {@link PlanJsonReader} reads them back the same way (decision 0029).
 */
final class PlanJsonWriter {

    private PlanJsonWriter() {
    }

    static String write(int format, MigrationPlan plan) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JsonTree.factory().createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("format", format);
            json.writeFieldName("plan");
            plan(json, plan);
            json.writeEndObject();
        }
        return text.toString();
    }

    private static void plan(JsonGenerator json, MigrationPlan plan) throws IOException {
        json.writeStartObject();
        json.writeStringField("sourceEnvironment", plan.sourceEnvironment());
        json.writeStringField("targetEnvironment", plan.targetEnvironment());
        name(json, "dbms", plan.dbms());
        name(json, "installPath", plan.installPath());
        users(json, "users", plan.users());
        names(json, "parts", plan.parts());
        json.writeFieldName("sqlServer");
        sqlServer(json, plan.sqlServer());
        json.writeFieldName("oracle");
        oracle(json, plan.oracle());
        json.writeStringField("sourceFingerprint", plan.sourceFingerprint());
        json.writeEndObject();
    }

    private static void sqlServer(JsonGenerator json, SqlServerSettings settings) throws IOException {
        if (settings == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("server", settings.server());
        catalog(json, "platform", settings.platform());
        catalog(json, "log", settings.log());
        json.writeStringField("backupFolder", settings.backupFolder());
        json.writeStringField("dataFolder", settings.dataFolder());
        json.writeStringField("logFolder", settings.logFolder());
        json.writeStringField("sessionCatalog", settings.sessionCatalog());
        json.writeStringField("sessionUser", settings.sessionUser());
        RestoreSettings restore = settings.restore();
        json.writeFieldName("restore");
        if (restore == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeStringField("backupName", restore.backupName());
            name(json, "recoveryModel", restore.recoveryModel());
            json.writeStringField("owner", restore.owner());
            json.writeStringField("dataFileGrowth", restore.dataFileGrowth());
            json.writeStringField("logFileGrowth", restore.logFileGrowth());
            json.writeEndObject();
        }
        users(json, "sourceUsers", settings.sourceUsers());
        json.writeEndObject();
    }

    private static void catalog(JsonGenerator json, String field, CatalogClone catalog) throws IOException {
        json.writeFieldName(field);
        if (catalog == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("sourceCatalog", catalog.sourceCatalog());
        json.writeStringField("catalog", catalog.catalog());
        json.writeFieldName("files");
        if (catalog.files() == null) {
            json.writeNull();
        } else {
            json.writeStartArray();
            for (DatabaseFile file : catalog.files()) {
                json.writeStartObject();
                json.writeStringField("logicalName", file.logicalName());
                json.writeBooleanField("log", file.log());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void oracle(JsonGenerator json, OracleSettings settings) throws IOException {
        if (settings == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("serverInstance", settings.serverInstance());
        strings(json, "exportedSchemas", settings.exportedSchemas());
        strings(json, "exportedTablespaces", settings.exportedTablespaces());
        remaps(json, "schemaRemaps", settings.schemaRemaps());
        remaps(json, "tablespaceRemaps", settings.tablespaceRemaps());
        Tablespaces tablespaces = settings.tablespaces();
        json.writeFieldName("tablespaces");
        if (tablespaces == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeStringField("system", tablespaces.system());
            json.writeStringField("index", tablespaces.index());
            json.writeStringField("user", tablespaces.user());
            json.writeStringField("logSystem", tablespaces.logSystem());
            json.writeStringField("logIndex", tablespaces.logIndex());
            json.writeStringField("logUser", tablespaces.logUser());
            json.writeEndObject();
        }
        DataPumpSettings dataPump = settings.dataPump();
        json.writeFieldName("dataPump");
        if (dataPump == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeStringField("directory", dataPump.directory());
            json.writeStringField("dumpFile", dataPump.dumpFile());
            json.writeStringField("exportLogFile", dataPump.exportLogFile());
            json.writeStringField("importLogFile", dataPump.importLogFile());
            json.writeNumberField("parallel", dataPump.parallel());
            json.writeEndObject();
        }
        json.writeStringField("datafileFolder", settings.datafileFolder());
        json.writeStringField("sessionUser", settings.sessionUser());
        json.writeStringField("sessionTablespace", settings.sessionTablespace());
        json.writeStringField("temporaryTablespace", settings.temporaryTablespace());
        SshSettings ssh = settings.ssh();
        json.writeFieldName("ssh");
        if (ssh == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeStringField("host", ssh.host());
            json.writeNumberField("port", ssh.port());
            json.writeStringField("user", ssh.user());
            json.writeStringField("keyFile", ssh.keyFile());
            json.writeStringField("knownHosts", ssh.knownHosts());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void users(JsonGenerator json, String field, PlatformUsers users) throws IOException {
        json.writeFieldName(field);
        if (users == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("admin", users.admin());
        json.writeStringField("runtime", users.runtime());
        json.writeStringField("logAdmin", users.logAdmin());
        json.writeStringField("logRuntime", users.logRuntime());
        json.writeEndObject();
    }

    private static void remaps(JsonGenerator json, String field, List<Remap> remaps) throws IOException {
        json.writeFieldName(field);
        if (remaps == null) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (Remap remap : remaps) {
            json.writeStartObject();
            json.writeStringField("from", remap.from());
            json.writeStringField("to", remap.to());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeFieldName(field);
        if (values == null) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void names(JsonGenerator json, String field, Collection<? extends Enum<?>> values)
            throws IOException {
        json.writeFieldName(field);
        if (values == null) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (Enum<?> value : values) {
            json.writeString(value.name());
        }
        json.writeEndArray();
    }

    private static void name(JsonGenerator json, String field, Enum<?> value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value.name());
        }
    }
}
