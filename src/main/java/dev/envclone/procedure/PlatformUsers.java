package dev.envclone.procedure;

import dev.envclone.sql.Dbms;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The platform's database users. On SQL Server the log database usually has one user (OSLOG) for both roles; on
 * Oracle the log admin and runtime users are schemas of their own (OSADMIN_LOG, OSRUNTIME_LOG).
 */
public record PlatformUsers(String admin, String runtime, String logAdmin, String logRuntime) {

    public static PlatformUsers defaults(Dbms dbms) {
        return switch (dbms) {
            case SQLSERVER -> new PlatformUsers("OSADMIN", "OSRUNTIME", "OSLOG", "OSLOG");
            case ORACLE -> new PlatformUsers("OSADMIN", "OSRUNTIME", "OSADMIN_LOG", "OSRUNTIME_LOG");
        };
    }

    /** Each user once, in role order. */
    public List<String> distinct() {
        return List.copyOf(new LinkedHashSet<>(List.of(admin, runtime, logAdmin, logRuntime)));
    }
}
