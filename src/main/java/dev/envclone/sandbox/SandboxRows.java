package dev.envclone.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * The rows of a sandbox: what a production platform database carries that the procedure cleans up, and around it
 * the rows that must survive the cleanup (ordinary parameters, the (Main) catalog, the log connection, LifeTime of
 * an inactive module...). Identifiers and values are made up but shaped like the platform's.
 */
final class SandboxRows {
    static final int USERS = 1;
    static final int LIFETIME = 2;
    static final int SERVICE_CENTER = 3;
    static final int INACTIVE_LIFETIME = 4;
    static final int SAML = 5;
    private static final int FIRST_APP = 6;

    static final List<String> LOGIN_PROPERTIES = List.of("UseActiveDirectoryLogin", "UseLDAPLogin",
            "UseLDAPStandard", "UseSAMLLogin", "UseIntegratedAuthenticationLogin");
    static final List<String> SAML_ENTITIES = List.of("ConfigIdP", "ConfigSP", "ConfigInternal", "ConfigFile",
            "ConfigFileBinary", "Config_UserMappings");

    private final Connection connection;
    private final SandboxSize size;
    private int definitionId;
    private int propertyId;

    SandboxRows(Connection connection, SandboxSize size) {
        this.connection = connection;
        this.size = size;
    }

    void insertAll() throws SQLException {
        espaces();
        parameters();
        mobileApps();
        siteProperties();
        zonesAndFrontEnds();
        catalogsAndConnections();
        samlTables();
        lifetime();
    }

    private void espaces() throws SQLException {
        try (PreparedStatement insert = prepare("ossys_Espace (ID, NAME, IS_ACTIVE)", 3)) {
            add(insert, USERS, "Users", 1);
            add(insert, LIFETIME, "LifeTime", 1);
            add(insert, SERVICE_CENTER, "ServiceCenter", 1);
            add(insert, INACTIVE_LIFETIME, "LifeTime_Old", 0);
            add(insert, SAML, "SAML", 1);
            for (int id = FIRST_APP; id <= size.espaces(); id++) {
                add(insert, id, String.format("App%05d", id), 1);
            }
            insert.executeBatch();
        }
    }

    private void parameters() throws SQLException {
        List<String> security = List.of("ClientApplicationToken", "privateKeyValidation",
                "OutSystems.HubEdition.MobileLogin_AuthenticationHMACKey",
                "OutSystems.HubEdition.MobileLogin_AuthenticationEncryptKey",
                "OutSystems.HubEdition.References.AuthenticationEncryptKey", "OutSystems.HubEdition.References.HashKey",
                "OutSystems.SystemComponents.Users.AuthenticationEncryptKey",
                "OutSystems.SystemComponents.Users.HashKey", "LifetTime.FallbackAuthToken",
                "OutSystems.IdentityService.AllowIdPAuthOnly", "OutSystems.IdentityService.Claims.Username",
                "OutSystems.IdentityService.isActive", "OutSystems.IdentityService.LoginClient.ClientId",
                "OutSystems.IdentityService.LoginClient.NativeClientId",
                "OutSystems.IdentityService.LoginClient.WebClientId", "OutSystems.IdentityService.Scopes",
                "OutSystems.IdentityService.ServiceUrl", "OutSystems.SiteProperties.EncryptionKey");
        List<String> ordinary = List.of("version", "sessionversion", "DefaultDNSName", "EnvironmentName",
                "MaxPageSize", "LogRetentionDays");
        try (PreparedStatement insert = prepare("ossys_Parameter (ID, NAME, VAL)", 3)) {
            int id = 1;
            for (String name : security) {
                add(insert, id++, name, "prod-" + token());
            }
            for (String name : ordinary) {
                add(insert, id++, name, "prod-" + name.toLowerCase(java.util.Locale.ROOT));
            }
            insert.executeBatch();
        }
    }

    private void mobileApps() throws SQLException {
        try (PreparedStatement config = prepare("ossys_App_Mobile_Config (ID, APPLICATION_ID, PLATFORM, "
                + "CONFIGURATION)", 4);
             PreparedStatement certificate = prepare("ossys_Mobile_Certificate (ID, NAME, CERTIFICATE_DATA)", 3);
             PreparedStatement data = prepare("ossys_Mobile_Config_Data (ID, APP_MOBILE_CONFIG_ID, CONFIG_KEY, "
                     + "CONFIG_VALUE)", 4)) {
            int dataId = 1;
            for (int app = 1; app <= 3; app++) {
                for (String platform : List.of("ios", "android")) {
                    int id = app * 10 + (platform.equals("ios") ? 1 : 2);
                    add(config, id, FIRST_APP + app, platform, "{\"bundleId\":\"com.example.app" + app + "\"}");
                    add(data, dataId++, id, "signing.keyAlias", "prod-key-" + app);
                }
                add(certificate, app, "Distribution certificate " + app, "MIIC" + token());
            }
            config.executeBatch();
            certificate.executeBatch();
            data.executeBatch();
        }
    }

    private void siteProperties() throws SQLException {
        try (PreparedStatement definition = prepare("OSSYS_SITE_PROPERTY_DEFINITION (ID, ESPACE_ID, NAME, "
                + "DEFAULT_VALUE, SS_KEY)", 5);
             PreparedStatement extension = prepare("OSSYS_SITE_PROPERTY_DEF_EXT (SITE_PROPERTY_DEFINITION_ID, "
                     + "IS_SECRET)", 2);
             PreparedStatement property = prepare("OSSYS_SITE_PROPERTY (ID, SITE_PROPERTY_DEFINITION_ID, TENANT_ID, "
                     + "PROPERTY_VALUE, USER_MODIFIED)", 5);
             PreparedStatement shared = prepare("OSSYS_SITE_PROPERTY_SHARED (ID, SITE_PROPERTY_DEFINITION_ID, "
                     + "TENANT_ID, PROPERTY_VALUE, USER_MODIFIED)", 5)) {
            SiteProperties writer = new SiteProperties(definition, extension, property, shared);
            for (String name : LOGIN_PROPERTIES) {
                // SAML is on in production: the login properties differ from their defaults.
                String fallback = name.equals("UseLDAPStandard") ? "True" : "False";
                String value = name.equals("UseSAMLLogin") ? "True" : fallback;
                writer.add(USERS, name, fallback, UUID.randomUUID().toString(), false, value, true);
                // An application with properties of the same names that the SAML reset must leave alone.
                writer.add(FIRST_APP, name, fallback, UUID.randomUUID().toString(), false, "True", true);
            }
            writer.add(LIFETIME, "LifeTimeServiceUrl", "", "1aaec1be-d60f-43d4-ba32-391f4c3080a6", false,
                    "https://lifetime.prod.example.com", true);
            writer.add(LIFETIME, "LifeTimeEnvironmentKey", "", "441f6eef-9c7f-4bb4-b3dd-7220272269ad", false,
                    token(), true);
            // Rounded up, so that the sandbox holds at least the size's number of site property rows.
            int apps = size.espaces() - FIRST_APP + 1;
            int perEspace = Math.max(1, (size.siteProperties() - propertyId + 2 * apps - 1) / (2 * apps));
            for (int espace = FIRST_APP; espace <= size.espaces(); espace++) {
                for (int n = 1; n <= perEspace; n++) {
                    boolean secret = n % 5 == 0;
                    writer.add(espace, (secret ? "ApiKey" : "Setting") + n, "default-" + n,
                            UUID.randomUUID().toString(), secret, secret ? "enc:" + token() : "https://prod/" + n,
                            n % 2 == 0);
                }
            }
            writer.flush();
        }
    }

    /** Writes a definition, its extension row, and one row in each of the two value tables. */
    private final class SiteProperties {
        private final PreparedStatement definition;
        private final PreparedStatement extension;
        private final PreparedStatement property;
        private final PreparedStatement shared;

        SiteProperties(PreparedStatement definition, PreparedStatement extension, PreparedStatement property,
                       PreparedStatement shared) {
            this.definition = definition;
            this.extension = extension;
            this.property = property;
            this.shared = shared;
        }

        void add(int espace, String name, String fallback, String ssKey, boolean secret, String value,
                 boolean modified) throws SQLException {
            int id = ++definitionId;
            SandboxRows.add(definition, id, espace, name, fallback, ssKey);
            SandboxRows.add(extension, id, secret ? 1 : 0);
            SandboxRows.add(property, ++propertyId, id, 1, value, modified ? 1 : 0);
            SandboxRows.add(shared, ++propertyId, id, 1, value, modified ? 1 : 0);
            if (id % 5_000 == 0) {
                flush();
            }
        }

        void flush() throws SQLException {
            definition.executeBatch();
            extension.executeBatch();
            property.executeBatch();
            shared.executeBatch();
        }
    }

    private void zonesAndFrontEnds() throws SQLException {
        execute("insert into ossys_server (ID, NAME, IP_ADDRESS, IS_ACTIVE) values (1, 'prod-fe-internal', "
                        + "'10.20.0.11', 1)",
                "insert into ossys_server (ID, NAME, IP_ADDRESS, IS_ACTIVE) values (2, 'prod-fe-external', "
                        + "'10.20.0.12', 1)",
                "insert into ossys_server (ID, NAME, IP_ADDRESS, IS_ACTIVE) values (3, 'prod-dc', '10.20.0.10', 1)");
        try (PreparedStatement frontEnd = prepare("ossys_modulefrontend (ID, ESPACE_ID, SERVER_ID)", 3);
             PreparedStatement address = prepare("ossys_moduleinternaladdress (ID, ESPACE_ID, ADDRESS)", 3)) {
            for (int espace = FIRST_APP; espace < FIRST_APP + 20 && espace <= size.espaces(); espace++) {
                add(frontEnd, espace, espace, espace % 2 + 1);
                add(address, espace, espace, "http://10.20.0." + (11 + espace % 2) + "/App" + espace);
            }
            frontEnd.executeBatch();
            address.executeBatch();
        }
        try (PreparedStatement config = prepare("ossys_platformconfig (NAME, VAL)", 2)) {
            for (String name : List.of("Application Deployment Configuration", "Default Application Deploy Instance",
                    "Previous Deployment Zone Used", "Previous Deployment Zone Key", "Configured Application Deploy")) {
                add(config, name, "zone:internal");
            }
            add(config, "Platform Version", "11.31.0");
            add(config, "Compiler Max Threads", "4");
            config.executeBatch();
        }
    }

    private void catalogsAndConnections() throws SQLException {
        execute("insert into ossys_dbcatalog (ID, NAME, USERNAME, PASSWORD) values (1, '(Main)', 'OSRUNTIME', 'main')",
                "insert into ossys_dbcatalog (ID, NAME, USERNAME, PASSWORD) values (2, 'Reporting', 'rep_user', "
                        + "'enc:" + token() + "')",
                "insert into ossys_dbcatalog (ID, NAME, USERNAME, PASSWORD) values (3, 'Archive', 'arc_user', "
                        + "'enc:" + token() + "')",
                "insert into ossys_dbconnection (ID, NAME, PROVIDER_KEY, CONNECTION_STRING) values (1, "
                        + "'$OS_LOG_DB_7e3e8ce0', 'SqlServer', 'log')",
                "insert into ossys_dbconnection (ID, NAME, PROVIDER_KEY, CONNECTION_STRING) values (2, 'SalesDB', "
                        + "'SqlServer', 'Server=sales-prod;Database=Sales')",
                "insert into ossys_dbconnection (ID, NAME, PROVIDER_KEY, CONNECTION_STRING) values (3, 'Warehouse', "
                        + "'Oracle', 'Data Source=wh-prod')",
                "insert into OSSYS_EXTENSION_DBCONNECTION (ID, EXTENSION_ID, LOGICAL_DATABASE, DBCONNECTION_ID) "
                        + "values (1, 501, 'Sales', 2)",
                "insert into OSSYS_EXTENSION_DBCONNECTION (ID, EXTENSION_ID, LOGICAL_DATABASE, DBCONNECTION_ID) "
                        + "values (2, 502, 'Warehouse', 3)");
    }

    private void samlTables() throws SQLException {
        int id = 100;
        for (String entity : SAML_ENTITIES) {
            String table = "OSUSR_SAM_" + entity.replace("_", "").toUpperCase(java.util.Locale.ROOT);
            String reference = entity.equals("ConfigFileBinary") ? ", CONFIGFILE_ID INT NOT NULL REFERENCES "
                    + "OSUSR_SAM_CONFIGFILE (ID)" : "";
            execute("create table " + table + " (ID INT NOT NULL PRIMARY KEY, DATA VARCHAR(2000)" + reference + ")",
                    "insert into ossys_entity (ID, NAME, ESPACE_ID, PHYSICAL_TABLE_NAME, SS_KEY) values (" + id++
                            + ", '" + entity + "', " + SAML + ", '" + storedName(entity, table) + "', '"
                            + UUID.randomUUID() + "')");
            for (int row = 1; row <= 2; row++) {
                execute("insert into " + table + " values (" + row + ", 'enc:" + token() + "'"
                        + (reference.isEmpty() ? "" : ", " + row) + ")");
            }
        }
    }

    /**
     * The physical name ossys_entity holds for a table created upper case: for two entities in another case, as a
     * platform database can hold them, so that a rehearsal meets Oracle's folding (the table is OSUSR_SAM_CONFIGIDP;
     * "osusr_sam_configidp" quoted would not reach it).
     */
    private static String storedName(String entity, String table) {
        return switch (entity) {
            case "ConfigIdP" -> table.toLowerCase(java.util.Locale.ROOT);
            case "ConfigSP" -> "OSUSR_SAM_ConfigSP";
            default -> table;
        };
    }

    private void lifetime() throws SQLException {
        String key = "3312b1cd-b12e-4a29-bcdc-51edcdd86ef1";
        // The active module's physical name is stored in mixed case, its table created upper case (storedName).
        execute("insert into ossys_entity (ID, NAME, ESPACE_ID, PHYSICAL_TABLE_NAME, SS_KEY) values (200, "
                        + "'Environment', " + LIFETIME + ", 'OSUSR_LTM_Environment', '" + key + "')",
                "insert into ossys_entity (ID, NAME, ESPACE_ID, PHYSICAL_TABLE_NAME, SS_KEY) values (201, "
                        + "'Environment', " + INACTIVE_LIFETIME + ", 'OSUSR_OLD_ENVIRONMENT', '" + key + "')",
                "create table OSUSR_LTM_ENVIRONMENT (ID INT NOT NULL PRIMARY KEY, NAME VARCHAR(100), ISACTIVE INT)",
                "create table OSUSR_OLD_ENVIRONMENT (ID INT NOT NULL PRIMARY KEY, NAME VARCHAR(100), ISACTIVE INT)",
                "insert into OSUSR_LTM_ENVIRONMENT values (1, 'Development', 1)",
                "insert into OSUSR_LTM_ENVIRONMENT values (2, 'Quality', 1)",
                "insert into OSUSR_LTM_ENVIRONMENT values (3, 'Production', 1)",
                "insert into OSUSR_OLD_ENVIRONMENT values (1, 'Legacy', 1)",
                "insert into ossys_PlatformSvcs_Observer (ID, OBSERVER_KEY) values (1, 'lifetime-prod-" + token()
                        + "')",
                "insert into ossys_PlatformSvcs_Observer (ID, OBSERVER_KEY) values (2, 'lifetime-prod-" + token()
                        + "')",
                "insert into ossys_cloudservices_observer (ID, OBSERVER_KEY) values (1, 'cloud-" + token() + "')");
    }

    private PreparedStatement prepare(String tableAndColumns, int columns) throws SQLException {
        return connection.prepareStatement("insert into " + tableAndColumns + " values ("
                + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")");
    }

    private static void add(PreparedStatement insert, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
        insert.addBatch();
    }

    private void execute(String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String one : sql) {
                statement.execute(one);
            }
        }
    }

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
