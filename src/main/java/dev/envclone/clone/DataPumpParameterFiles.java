package dev.envclone.clone;

import dev.envclone.procedure.DataPumpSettings;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.OracleSettings;
import dev.envclone.procedure.Remap;
import java.util.ArrayList;
import java.util.List;

/**
 * expdp.par and impdp.par. Parameter files instead of command lines: no shell quoting (the document's
 * {@code \"/ as sysdba\"} and {@code schemas=\('OSADMIN'\)} are quoting for one shell only), and no password on a
 * command line. The plan's names passed {@code NameRule.ORACLE_IDENTIFIER} and are upper case, which is how Data
 * Pump reads an unquoted name, so they need no quotes here.
 */
public final class DataPumpParameterFiles {
    private DataPumpParameterFiles() {
    }

    public static String export(MigrationPlan plan) {
        OracleSettings o = plan.oracle();
        DataPumpSettings d = o.dataPump();
        List<String> out = new ArrayList<>(List.of(
                "# envclone: Data Pump export of " + plan.sourceEnvironment() + " for " + plan.targetEnvironment(),
                "# Run on the source database as a user with DATAPUMP_EXP_FULL_DATABASE (Oracle advises against",
                "# running Data Pump as SYSDBA), e.g.:  expdp SYSTEM PARFILE=expdp.par",
                "# FLASHBACK_TIME makes the export consistent as of the moment it starts.",
                "SCHEMAS=" + String.join(",", o.exportedSchemas()),
                "DIRECTORY=" + d.directory(),
                "DUMPFILE=" + d.dumpFile(),
                "LOGFILE=" + d.exportLogFile(),
                "FLASHBACK_TIME=SYSTIMESTAMP"));
        parallel(out, d);
        return String.join("\n", out) + "\n";
    }

    public static String importParameters(MigrationPlan plan) {
        OracleSettings o = plan.oracle();
        DataPumpSettings d = o.dataPump();
        List<String> out = new ArrayList<>(List.of(
                "# envclone: Data Pump import of " + plan.sourceEnvironment() + "'s schemas for "
                        + plan.targetEnvironment(),
                "# Run on the target database after create-users.sql, as a user with DATAPUMP_IMP_FULL_DATABASE,",
                "# e.g.:  impdp SYSTEM PARFILE=impdp.par",
                "# ORA-31684 (user already exists) is expected: create-users.sql created the users.",
                "# REMAP_SCHEMA does not rewrite schema names written inside views, triggers or PL/SQL.",
                "SCHEMAS=" + String.join(",", o.exportedSchemas()),
                "DIRECTORY=" + d.directory(),
                "DUMPFILE=" + d.dumpFile(),
                "LOGFILE=" + d.importLogFile()));
        remaps(out, "REMAP_SCHEMA", "schema", o.schemaRemaps());
        remaps(out, "REMAP_TABLESPACE", "tablespace", o.tablespaceRemaps());
        parallel(out, d);
        return String.join("\n", out) + "\n";
    }

    private static void remaps(List<String> out, String parameter, String what, List<Remap> remaps) {
        if (remaps.isEmpty()) {
            out.add("# No " + parameter + ": every " + what + " keeps its name (an import into another database).");
        }
        remaps.forEach(r -> out.add(parameter + "=" + r.from() + ":" + r.to()));
    }

    private static void parallel(List<String> out, DataPumpSettings d) {
        if (d.parallel() > 1) {
            out.add("# PARALLEL needs Oracle Enterprise Edition.");
            out.add("PARALLEL=" + d.parallel());
        }
    }
}
