package dev.envclone.procedure;

import static dev.envclone.sql.RowChange.delete;
import static dev.envclone.sql.RowChange.update;

import dev.envclone.sql.CleanupItem;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.ExpectedEntities;
import dev.envclone.sql.RowChange;
import dev.envclone.sql.RowsBlock;
import dev.envclone.sql.TableDiscovery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every cleanup script of the document, one declaration each. Statements are the document's text wherever it runs
 * on both the real DBMS and H2; each rewrite is listed, with the original and the reason, in docs/deviations.md.
 */
public final class CleanupCatalog {

    /** The document's list, in its order and with its spelling (including 'LifetTime'). */
    private static final List<String> SECURITY_PARAMETERS = List.of(
            "ClientApplicationToken",
            "privateKeyValidation",
            "OutSystems.HubEdition.MobileLogin_AuthenticationHMACKey",
            "OutSystems.HubEdition.MobileLogin_AuthenticationEncryptKey",
            "OutSystems.HubEdition.References.AuthenticationEncryptKey",
            "OutSystems.HubEdition.References.HashKey",
            "OutSystems.SystemComponents.Users.AuthenticationEncryptKey",
            "OutSystems.SystemComponents.Users.HashKey",
            "LifetTime.FallbackAuthToken",
            "OutSystems.IdentityService.AllowIdPAuthOnly",
            "OutSystems.IdentityService.Claims.Username",
            "OutSystems.IdentityService.isActive",
            "OutSystems.IdentityService.LoginClient.ClientId",
            "OutSystems.IdentityService.LoginClient.NativeClientId",
            "OutSystems.IdentityService.LoginClient.WebClientId",
            "OutSystems.IdentityService.Scopes",
            "OutSystems.IdentityService.ServiceUrl",
            "OutSystems.SiteProperties.EncryptionKey");

    /** The ss_key of LifeTime's environment entity, by which the document finds its tables in every module. */
    private static final String LIFETIME_ENVIRONMENT_KEY = "3312b1cd-b12e-4a29-bcdc-51edcdd86ef1";

    private static final String LIFETIME_ENTITY = "from ossys_entity inner join ossys_espace on espace_id = "
            + "ossys_espace.id and ossys_espace.is_active = 1 where ossys_entity.ss_key = '"
            + LIFETIME_ENVIRONMENT_KEY + "'";

    private static final List<String> SAML_ENTITY_NAMES = List.of("ConfigIdP", "ConfigSP", "ConfigInternal",
            "ConfigFile", "ConfigFileBinary", "Config_UserMappings");

    private static final String SAML_ENTITIES = SAML_ENTITY_NAMES.stream().map(name -> "'" + name + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private static final String LOGIN_PROPERTIES = "('UseActiveDirectoryLogin', 'UseLDAPLogin', "
            + "'UseLDAPStandard', 'UseSAMLLogin', 'UseIntegratedAuthenticationLogin')";

    public static final CleanupDefinition ENVIRONMENT_SECURITY = new CleanupDefinition(
            "cleanup-environment-security", "Clean up the environment security context",
            "Deletes the keys and tokens that are private to the source environment (application token, "
                    + "encryption and hash keys, identity service settings); the Configuration Tool creates new "
                    + "ones for the target.",
            null, both("Clean up the environment security context"), false, null,
            context -> {
                List<CleanupItem> items = new ArrayList<>();
                for (int i = 0; i < SECURITY_PARAMETERS.size(); i++) {
                    // The document writes the first two in lower case and the rest as ossys_Parameter.
                    String table = i < 2 ? "ossys_parameter" : "ossys_Parameter";
                    items.add(delete(table, "name = '" + SECURITY_PARAMETERS.get(i) + "'"));
                }
                return items;
            });

    public static final CleanupDefinition MOBILE_APPS = new CleanupDefinition(
            "cleanup-mobile-apps", "Clean up the configuration of mobile apps",
            "Deletes the iOS and Android build configuration and certificates of the source environment; "
                    + "configure the mobile apps again before generating them.",
            OptionalPart.MOBILE_APPS, both("Clean up the configuration of mobile apps"), false, null,
            context -> List.of(
                    delete("ossys_App_Mobile_Config", null),
                    delete("ossys_Mobile_Certificate", null),
                    delete("ossys_Mobile_Config_Data", null)));

    public static final CleanupDefinition SECRET_SITE_PROPERTIES = new CleanupDefinition(
            "cleanup-secret-site-properties", "Clean up secret site properties",
            "Secret site properties are encrypted with the source environment's key and cannot be decrypted in "
                    + "the target: resets them to their defaults; assign the values again after the migration.",
            OptionalPart.SECRET_SITE_PROPERTIES, both("Clean up secret site properties"), false, null,
            context -> List.of(
                    secretReset("OSSYS_SITE_PROPERTY"),
                    secretReset("OSSYS_SITE_PROPERTY_SHARED")));

    public static final CleanupDefinition DEPLOYMENT_ZONES = new CleanupDefinition(
            "cleanup-deployment-zones", "Clean up selective deployment zones",
            "Zones name the source environment's front-ends; left in place, modules are not deployed in the "
                    + "target. After the cleanup every module deploys to every front-end; recreate zones later.",
            OptionalPart.DEPLOYMENT_ZONES, both("Clean up selective deployment zones"), false, null,
            context -> List.of(
                    delete("ossys_modulefrontend", null),
                    delete("ossys_moduleinternaladdress", null),
                    delete("ossys_platformconfig", "name in (\n"
                            + "  'Application Deployment Configuration',\n"
                            + "  'Default Application Deploy Instance',\n"
                            + "  'Previous Deployment Zone Used',\n"
                            + "  'Previous Deployment Zone Key',\n"
                            + "  'Configured Application Deploy')")));

    public static final CleanupDefinition FRONT_ENDS = new CleanupDefinition(
            "cleanup-front-ends", "Clean up the front-end listing",
            "The listing names the source environment's front-ends: left in place, a deployment in the target "
                    + "could deploy to production servers. The platform fills it again when it starts.",
            null, Map.of(Dbms.SQLSERVER, "Clean up the front-end listing",
                    Dbms.ORACLE, "Clean up the front-ends listing"), false, null,
            context -> List.of(delete("ossys_server", null)));

    public static final CleanupDefinition MULTIPLE_CATALOGS = new CleanupDefinition(
            "cleanup-multiple-catalogs", "Clean up the multiple database schemas configurations",
            "Blanks the credentials of every catalog or schema other than (Main), so that no application "
                    + "connects to the source environment's databases; set them again in Service Center.",
            OptionalPart.MULTIPLE_CATALOGS, both("Clean up the multiple database schemas configurations"), false, null,
            context -> List.of(update("ossys_dbcatalog", "password = ' ',username =' '", "name <> '(Main)'",
                    "password = ' ' and username = ' '")));

    public static final CleanupDefinition SAML = new CleanupDefinition(
            "cleanup-saml", "Clean up SAML configuration",
            "The SAML configuration is encrypted with the source's private key: deletes it and resets the "
                    + "Users module's login site properties to their defaults. Configure external authentication "
                    + "again after the migration, or no-one can log in.",
            OptionalPart.SAML, both("Clean up SAML configuration"), false, null,
            CleanupCatalog::samlStatements);

    public static final CleanupDefinition MANAGED_BY_LIFETIME = new CleanupDefinition(
            "cleanup-lifetime-managed", "Clean up an environment managed by LifeTime",
            "Removes the identity LifeTime knows the source environment by, so that LifeTime does not see two "
                    + "environments with one identifier; register the target in LifeTime afterwards.",
            OptionalPart.MANAGED_BY_LIFETIME, both("Clean up an environment managed by LifeTime"), false, null,
            CleanupCatalog::managedByLifetimeStatements);

    public static final CleanupDefinition RUNNING_LIFETIME = new CleanupDefinition(
            "cleanup-lifetime-running", "Clean up an environment running LifeTime",
            "Deactivates the LifeTime environments the clone brought along, so that no-one uses the source's "
                    + "LifeTime from the target by mistake.",
            OptionalPart.RUNNING_LIFETIME, both("Clean up an environment running LifeTime"), false, null,
            context -> List.of(new TableDiscovery(
                    "select 'update '" + context.dialect().concatenation() + "physical_table_name"
                            + context.dialect().concatenation() + "' set isactive=0' " + LIFETIME_ENTITY,
                    LIFETIME_ENTITY, "d.physical_table_name", "update ", " set isactive=0", null,
                    ExpectedEntities.keyed("LifeTime environment table", LIFETIME_ENVIRONMENT_KEY), "isactive = 0")));

    public static final CleanupDefinition DATABASE_CONNECTIONS = new CleanupDefinition(
            "cleanup-database-connections", "Clean up database connections",
            "The platform cannot open the source's database connections after the migration: deletes all but "
                    + "the log connection. Save their settings first, and unmap them from extensions, or the delete "
                    + "fails on OSSYS_EXTENSION_DBCONNECTION.",
            null, both("Clean up database connections"), true,
            new RowsBlock("OSSYS_EXTENSION_DBCONNECTION", "Extensions still map database connections: in "
                    + "Service Center, Factory > Extensions, set each logical database to (not configured) first."),
            context -> List.of(delete("ossys_dbconnection", "NAME <>'$OS_LOG_DB_7e3e8ce0'")));

    private static final List<CleanupDefinition> ALL = List.of(ENVIRONMENT_SECURITY, MOBILE_APPS,
            SECRET_SITE_PROPERTIES, DEPLOYMENT_ZONES, FRONT_ENDS, MULTIPLE_CATALOGS, SAML, MANAGED_BY_LIFETIME,
            RUNNING_LIFETIME, DATABASE_CONNECTIONS);

    private CleanupCatalog() {
    }

    /** Every definition, in the document's order. */
    public static List<CleanupDefinition> all() {
        return ALL;
    }

    /**
     * The document's UPDATE ... FROM ... JOIN (SQL Server) and UPDATE (SELECT ... JOIN) SET (Oracle) as one
     * correlated UPDATE that both DBMS and H2 run: the same rows, the same new values.
     */
    private static RowChange secretReset(String table) {
        String where = "SITE_PROPERTY_DEFINITION_ID IN (\n"
                + "    SELECT spd.ID FROM OSSYS_SITE_PROPERTY_DEFINITION spd\n"
                + "    INNER JOIN OSSYS_SITE_PROPERTY_DEF_EXT spde ON spd.ID = spde.SITE_PROPERTY_DEFINITION_ID\n"
                + "    WHERE spde.IS_SECRET = 1)";
        String defaultValue = "(SELECT spd.DEFAULT_VALUE FROM OSSYS_SITE_PROPERTY_DEFINITION spd\n"
                + "                      WHERE spd.ID = " + table + ".SITE_PROPERTY_DEFINITION_ID)";
        return RowChange.customUpdate(table, "UPDATE " + table + "\n"
                + "SET PROPERTY_VALUE = " + defaultValue + ",\n"
                + "    USER_MODIFIED = 0\n"
                + "WHERE " + where, where, "USER_MODIFIED = 0 and " + sameValue("PROPERTY_VALUE", defaultValue));
    }

    private static List<CleanupItem> samlStatements(CleanupContext context) {
        // Children before parents: ConfigFileBinary references ConfigFile, so a DELETE (unlike the document's
        // TRUNCATE, which fails on a referenced table) succeeds in this order.
        // The document looks the entities up by name in every module; envclone also requires that they are the
        // entities of one module (docs/deviations.md).
        TableDiscovery tables = new TableDiscovery(
                "SELECT physical_table_name FROM ossys_entity WHERE name in ('ConfigIdP', 'ConfigSP', "
                        + "'ConfigInternal', 'ConfigFile', 'ConfigFileBinary', 'Config_UserMappings')",
                "FROM ossys_entity INNER JOIN ossys_espace ON ossys_espace.id = ossys_entity.espace_id "
                        + "WHERE ossys_entity.name IN " + SAML_ENTITIES,
                "CASE d.entity_name WHEN 'Config_UserMappings' THEN 1 WHEN 'ConfigFileBinary' THEN 2 "
                        + "WHEN 'ConfigFile' THEN 3 WHEN 'ConfigInternal' THEN 4 WHEN 'ConfigSP' THEN 5 ELSE 6 END, "
                        + "d.physical_table_name",
                "delete from ", "", null, ExpectedEntities.named("SAML configuration table", SAML_ENTITY_NAMES),
                null);
        // Each part of the document spells its tables its own way, and only the SQL Server part clears User_Modified.
        return switch (context.dialect().dbms()) {
            case SQLSERVER -> List.of(tables, loginReset("ossys_Site_Property", true),
                    loginReset("ossys_Site_Property_Shared", true));
            case ORACLE -> List.of(tables, loginReset("ossys_Site_Property", false),
                    loginReset("ossys_Site_Property_shared", false));
        };
    }

    /**
     * The document's login-property reset as a correlated UPDATE. The SQL Server part also clears User_Modified,
     * the Oracle part does not; each keeps its document's behaviour.
     */
    private static RowChange loginReset(String table, boolean clearUserModified) {
        String where = "User_Modified<>0 AND SITE_PROPERTY_DEFINITION_ID IN (\n"
                + "    SELECT pd.ID FROM ossys_Site_Property_Definition pd\n"
                + "    WHERE pd.ESPACE_ID = (SELECT ID FROM ossys_Espace WHERE NAME='Users')\n"
                + "    AND pd.NAME in " + LOGIN_PROPERTIES + ")";
        String defaultValue = "(SELECT pd.DEFAULT_VALUE FROM ossys_Site_Property_Definition pd\n"
                + "                      WHERE pd.ID = " + table + ".SITE_PROPERTY_DEFINITION_ID)";
        return RowChange.customUpdate(table, "UPDATE " + table + "\n"
                + "SET PROPERTY_VALUE = " + defaultValue
                + (clearUserModified ? ",\n    User_Modified=0" : "") + "\n"
                + "WHERE " + where, where, (clearUserModified ? "User_Modified = 0 and " : "")
                + sameValue("PROPERTY_VALUE", defaultValue));
    }

    private static List<CleanupItem> managedByLifetimeStatements(CleanupContext context) {
        // Each part of the document spells its tables its own way: the platform services' and the cloud services'
        // observer tables.
        List<String> observers = switch (context.dialect().dbms()) {
            case SQLSERVER -> List.of("ossys_PlatformSvcs_Observer", "ossys_cloudservices_observer");
            case ORACLE -> List.of("OSSYS_PLATFORMSVCS_OBSERVER", "OSSYS_CLOUDSERVICES_OBSERVER");
        };
        String blank = context.dialect().blankText();
        return List.of(
                delete(observers.get(0), null).whenTableExists(),
                delete(observers.get(1), null).whenTableExists(),
                update("ossys_Site_Property_Shared", "property_value=" + blank,
                        "site_property_definition_id in (\n"
                                + "    select site_property_definition_id\n"
                                + "    from ossys_Site_Property_Shared\n"
                                + "    inner join ossys_Site_Property_Definition on site_property_definition_id "
                                + "= ossys_Site_Property_Definition.id\n"
                                + "    where ss_key = '1aaec1be-d60f-43d4-ba32-391f4c3080a6' or\n"
                                + "    ss_key = '441f6eef-9c7f-4bb4-b3dd-7220272269ad'\n"
                                + ")", "property_value = " + blank));
    }

    /**
     * A row holds {@code expression}'s value, NULL included (Oracle stores an empty default as NULL). The plain
     * {@code =} would leave a NULL default forever "not done".
     */
    private static String sameValue(String column, String expression) {
        return "(" + column + " = " + expression + " or (" + column + " is null and " + expression + " is null))";
    }

    private static Map<Dbms, String> both(String section) {
        return Map.of(Dbms.SQLSERVER, section, Dbms.ORACLE, section);
    }
}
