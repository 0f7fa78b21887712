-- cleanup-database-connections, statement.01: 2 rows
insert into ossys_dbconnection ("ID", "NAME", "PROVIDER_KEY", "CONNECTION_STRING") values (?, ?, ?, ?);
-- cleanup-lifetime-running, statement.01: 3 rows
update "OSUSR_LTM_ENVIRONMENT" set "NAME" = ?, "ISACTIVE" = ? where "ID" = ?;
-- cleanup-lifetime-managed, statement.01: 2 rows
insert into OSSYS_PLATFORMSVCS_OBSERVER ("ID", "OBSERVER_KEY") values (?, ?);
-- cleanup-lifetime-managed, statement.02: 1 rows
insert into OSSYS_CLOUDSERVICES_OBSERVER ("ID", "OBSERVER_KEY") values (?, ?);
-- cleanup-lifetime-managed, statement.03: 2 rows
update ossys_Site_Property_Shared set "SITE_PROPERTY_DEFINITION_ID" = ?, "TENANT_ID" = ?, "PROPERTY_VALUE" = ?, "USER_MODIFIED" = ? where "ID" = ?;
-- cleanup-secret-site-properties, statement.01: 175 rows
update OSSYS_SITE_PROPERTY set "SITE_PROPERTY_DEFINITION_ID" = ?, "TENANT_ID" = ?, "PROPERTY_VALUE" = ?, "USER_MODIFIED" = ? where "ID" = ?;
-- cleanup-secret-site-properties, statement.02: 175 rows
update OSSYS_SITE_PROPERTY_SHARED set "SITE_PROPERTY_DEFINITION_ID" = ?, "TENANT_ID" = ?, "PROPERTY_VALUE" = ?, "USER_MODIFIED" = ? where "ID" = ?;
-- cleanup-saml, statement.01: 2 rows
insert into "OSUSR_SAM_CONFIGUSERMAPPINGS" ("ID", "DATA") values (?, ?);
-- cleanup-saml, statement.02: 2 rows
insert into "OSUSR_SAM_CONFIGFILEBINARY" ("ID", "DATA", "CONFIGFILE_ID") values (?, ?, ?);
-- cleanup-saml, statement.03: 2 rows
insert into "OSUSR_SAM_CONFIGFILE" ("ID", "DATA") values (?, ?);
-- cleanup-saml, statement.04: 2 rows
insert into "OSUSR_SAM_CONFIGINTERNAL" ("ID", "DATA") values (?, ?);
-- cleanup-saml, statement.05: 2 rows
insert into "OSUSR_SAM_CONFIGSP" ("ID", "DATA") values (?, ?);
-- cleanup-saml, statement.06: 2 rows
insert into "OSUSR_SAM_CONFIGIDP" ("ID", "DATA") values (?, ?);
-- cleanup-saml, statement.07: 5 rows
update ossys_Site_Property set "SITE_PROPERTY_DEFINITION_ID" = ?, "TENANT_ID" = ?, "PROPERTY_VALUE" = ?, "USER_MODIFIED" = ? where "ID" = ?;
-- cleanup-saml, statement.08: 5 rows
update ossys_Site_Property_shared set "SITE_PROPERTY_DEFINITION_ID" = ?, "TENANT_ID" = ?, "PROPERTY_VALUE" = ?, "USER_MODIFIED" = ? where "ID" = ?;
-- cleanup-multiple-catalogs, statement.01: 2 rows
update ossys_dbcatalog set "NAME" = ?, "USERNAME" = ?, "PASSWORD" = ? where "ID" = ?;
-- cleanup-mobile-apps, statement.01: 6 rows
insert into ossys_App_Mobile_Config ("ID", "APPLICATION_ID", "PLATFORM", "CONFIGURATION") values (?, ?, ?, ?);
-- cleanup-mobile-apps, statement.02: 3 rows
insert into ossys_Mobile_Certificate ("ID", "NAME", "CERTIFICATE_DATA") values (?, ?, ?);
-- cleanup-mobile-apps, statement.03: 6 rows
insert into ossys_Mobile_Config_Data ("ID", "APP_MOBILE_CONFIG_ID", "CONFIG_KEY", "CONFIG_VALUE") values (?, ?, ?, ?);
-- cleanup-deployment-zones, statement.01: 20 rows
insert into ossys_modulefrontend ("ID", "ESPACE_ID", "SERVER_ID") values (?, ?, ?);
-- cleanup-deployment-zones, statement.02: 20 rows
insert into ossys_moduleinternaladdress ("ID", "ESPACE_ID", "ADDRESS") values (?, ?, ?);
-- cleanup-deployment-zones, statement.03: 5 rows
insert into ossys_platformconfig ("NAME", "VAL") values (?, ?);
-- cleanup-front-ends, statement.01: 3 rows
insert into ossys_server ("ID", "NAME", "IP_ADDRESS", "IS_ACTIVE") values (?, ?, ?, ?);
-- cleanup-environment-security, statement.01: 1 rows
insert into ossys_parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.02: 1 rows
insert into ossys_parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.03: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.04: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.05: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.06: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.07: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.08: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.09: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.10: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.11: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.12: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.13: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.14: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.15: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.16: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.17: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
-- cleanup-environment-security, statement.18: 1 rows
insert into ossys_Parameter ("ID", "NAME", "VAL") values (?, ?, ?);
