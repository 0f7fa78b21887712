package dev.envclone.procedure;

import java.util.ArrayList;
import java.util.List;

/**
 * The Configuration Tool's Platform, Log and Session tabs, with the fields the document names for a DBMS and install
 * path and the values from the plan. Passwords are never values: the operator types them in the tool itself.
 */
final class ConfigToolSheet {
    private static final String PASSWORD = "password";

    private ConfigToolSheet() {
    }

    static List<ConfigField> platform(MigrationPlan plan) {
        return switch (plan.dbms()) {
            case SQLSERVER -> sqlServerPlatform(plan);
            case ORACLE -> oraclePlatform(plan);
        };
    }

    static List<ConfigField> log(MigrationPlan plan) {
        return switch (plan.dbms()) {
            case SQLSERVER -> sqlServerLog(plan);
            case ORACLE -> oracleLog(plan);
        };
    }

    static List<ConfigField> session(MigrationPlan plan) {
        return switch (plan.dbms()) {
            case SQLSERVER -> sqlServerSession(plan.sqlServer());
            case ORACLE -> oracleSession(plan.oracle());
        };
    }

    private static List<ConfigField> sqlServerPlatform(MigrationPlan plan) {
        List<ConfigField> fields = new ArrayList<>();
        PlatformUsers u = plan.users();
        SqlServerSettings s = plan.sqlServer();
        fields.add(new ConfigField("Server (host\\instance)", s.server()));
        fields.add(new ConfigField("Catalog (the restored database)", s.platform().catalog()));
        login(fields, "Admin user", u.admin());
        login(fields, "Runtime user", u.runtime());
        if (plan.installPath() == InstallPath.FRESH) {
            login(fields, "Log user", u.logAdmin());
        }
        return fields;
    }

    private static List<ConfigField> oraclePlatform(MigrationPlan plan) {
        List<ConfigField> fields = new ArrayList<>();
        PlatformUsers u = plan.users();
        OracleSettings o = plan.oracle();
        if (plan.installPath() == InstallPath.FRESH) {
            fields.add(new ConfigField("DBMS", "Oracle Database"));
            fields.add(new ConfigField("Server Instance", o.serverInstance()));
            login(fields, "Admin user", u.admin());
            fields.add(new ConfigField("Admin Tablespace", o.tablespaces().system()));
            fields.add(new ConfigField("Admin Index Tablespace", o.tablespaces().index()));
            login(fields, "Runtime user", u.runtime());
            fields.add(new ConfigField("Runtime Tablespace", o.tablespaces().user()));
        } else {
            fields.add(new ConfigField("Server (hostname)", o.serverInstance()));
            login(fields, "Admin user (imported)", u.admin());
            login(fields, "Runtime user (imported)", u.runtime());
        }
        return fields;
    }

    private static List<ConfigField> sqlServerLog(MigrationPlan plan) {
        List<ConfigField> fields = new ArrayList<>();
        PlatformUsers u = plan.users();
        SqlServerSettings s = plan.sqlServer();
        fields.add(new ConfigField("Server (host\\instance)", s.server()));
        fields.add(new ConfigField("Log catalog (the restored database)", s.logCatalog()));
        login(fields, "Log Admin user", u.logAdmin());
        login(fields, "Log Runtime user", u.logRuntime());
        return fields;
    }

    private static List<ConfigField> oracleLog(MigrationPlan plan) {
        List<ConfigField> fields = new ArrayList<>();
        PlatformUsers u = plan.users();
        OracleSettings o = plan.oracle();
        boolean fresh = plan.installPath() == InstallPath.FRESH;
        if (fresh) {
            fields.add(new ConfigField("DBMS", "Oracle Database"));
            fields.add(new ConfigField("Server Instance", o.serverInstance()));
        } else {
            fields.add(new ConfigField("Server (hostname)", o.serverInstance()));
        }
        login(fields, "Log Admin user", u.logAdmin());
        if (fresh) {
            fields.add(new ConfigField("Admin Tablespace", o.tablespaces().logSystem()));
            fields.add(new ConfigField("Admin Index Tablespace", o.tablespaces().logIndex()));
        }
        login(fields, "Log Runtime user", u.logRuntime());
        if (fresh) {
            fields.add(new ConfigField("Runtime Tablespace", o.tablespaces().logUser()));
        }
        return fields;
    }

    private static List<ConfigField> sqlServerSession(SqlServerSettings s) {
        List<ConfigField> fields = new ArrayList<>();
        fields.add(new ConfigField("Server (host\\instance)", s.server()));
        fields.add(new ConfigField("Catalog (new or existing ASPState)", s.sessionCatalog()));
        login(fields, "Session user", s.sessionUser());
        return fields;
    }

    private static List<ConfigField> oracleSession(OracleSettings o) {
        List<ConfigField> fields = new ArrayList<>();
        fields.add(new ConfigField("Server (hostname)", o.serverInstance()));
        login(fields, "Session user", o.sessionUser());
        fields.add(new ConfigField("Tablespace", o.sessionTablespace()));
        return fields;
    }

    private static void login(List<ConfigField> fields, String label, String user) {
        fields.add(new ConfigField(label, user));
        fields.add(new ConfigField(label.replace(" user", "") + " " + PASSWORD, null));
    }
}
