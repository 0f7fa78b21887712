package dev.envclone.db;

import java.sql.SQLException;

/**
 * The SAML module's entities and their physical tables, as a restored database holds them: ConfigFileBinary has a
 * real foreign key to ConfigFile, and ossys_entity lists the tables parents first (by ID), so only the catalog's
 * ordering keeps the DELETEs from failing. An unrelated application table must survive.
 */
final class SamlFixture {

    private SamlFixture() {
    }

    /** @param configSpTable the physical name ossys_entity gives ConfigSP (a hostile one in one test) */
    static void seed(PlatformDatabase db, String configSpTable) throws SQLException {
        db.insert("ossys_Espace (ID, NAME, IS_ACTIVE)", 1, "Users", 1);
        db.insert("ossys_Espace (ID, NAME, IS_ACTIVE)", 2, "Sales", 1);
        db.insert("ossys_Espace (ID, NAME, IS_ACTIVE)", 3, "SAML", 1);
        String entity = "ossys_entity (ID, NAME, ESPACE_ID, PHYSICAL_TABLE_NAME, SS_KEY)";
        db.insert(entity, 1, "ConfigIdP", 3, "OSUSR_SAM_CONFIGIDP", "e1");
        db.insert(entity, 2, "ConfigSP", 3, configSpTable, "e2");
        db.insert(entity, 3, "ConfigInternal", 3, "OSUSR_SAM_CONFIGINTERNAL", "e3");
        db.insert(entity, 4, "ConfigFile", 3, "OSUSR_SAM_CONFIGFILE", "e4");
        db.insert(entity, 5, "ConfigFileBinary", 3, "OSUSR_SAM_CONFIGFILEBINARY", "e5");
        db.insert(entity, 6, "Config_UserMappings", 3, "OSUSR_SAM_CONFIG_USERMAPPINGS", "e6");
        db.insert(entity, 7, "Customer", 2, "OSUSR_SAL_CUSTOMER", "e7");

        for (String table : new String[] {"OSUSR_SAM_CONFIGIDP", "OSUSR_SAM_CONFIGSP", "OSUSR_SAM_CONFIGINTERNAL",
                "OSUSR_SAM_CONFIG_USERMAPPINGS", "OSUSR_SAL_CUSTOMER"}) {
            db.execute("CREATE TABLE " + table + " (ID INT NOT NULL PRIMARY KEY, NAME VARCHAR(100))");
        }
        db.execute("CREATE TABLE OSUSR_SAM_CONFIGFILE (ID INT NOT NULL PRIMARY KEY, NAME VARCHAR(100))",
                "CREATE TABLE OSUSR_SAM_CONFIGFILEBINARY (ID INT NOT NULL PRIMARY KEY, "
                        + "CONFIGFILE_ID INT NOT NULL REFERENCES OSUSR_SAM_CONFIGFILE (ID), NAME VARCHAR(100))");
        db.insert("OSUSR_SAM_CONFIGIDP (ID, NAME)", 1, "Azure AD");
        db.insert("OSUSR_SAM_CONFIGIDP (ID, NAME)", 2, "Okta");
        db.insert("OSUSR_SAM_CONFIGSP (ID, NAME)", 1, "https://prod.example.com");
        db.insert("OSUSR_SAM_CONFIGINTERNAL (ID, NAME)", 1, "internal");
        db.insert("OSUSR_SAM_CONFIG_USERMAPPINGS (ID, NAME)", 1, "email");
        db.insert("OSUSR_SAM_CONFIGFILE (ID, NAME)", 1, "metadata.xml");
        db.insert("OSUSR_SAM_CONFIGFILEBINARY (ID, CONFIGFILE_ID, NAME)", 1, 1, "metadata.xml");
        db.insert("OSUSR_SAM_CONFIGFILEBINARY (ID, CONFIGFILE_ID, NAME)", 2, 1, "certificate.pfx");
        db.insert("OSUSR_SAL_CUSTOMER (ID, NAME)", 1, "Alice");
        db.insert("OSUSR_SAL_CUSTOMER (ID, NAME)", 2, "Bob");
    }
}
