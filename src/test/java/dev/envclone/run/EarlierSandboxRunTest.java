package dev.envclone.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sandbox.EarlierSandbox;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sandboxes made before IGNORECASE replaced the collation (db.H2Mode): a rehearsal begun on one resumes with the
 * URL its run folder recorded, and the whole cleanup picks the same rows there as on a sandbox made today, even
 * with every stored text in another letter case.
 */
class EarlierSandboxRunTest {
    @TempDir
    Path folder;

    private Path plan(Dbms dbms) {
        CliProcess.Result planned = CliProcess.inProcess("plan", "--dbms", dbms.cliName(), "--out",
                folder.resolve("plan").toString());
        assertEquals(0, planned.code(), planned.err());
        return folder.resolve("plan").resolve("plan.json");
    }

    private static SandboxRunFixture unmapped(Dbms dbms, String url) throws Exception {
        SandboxRunFixture sandbox = SandboxRunFixture.existing(dbms, url);
        // The operator has unmapped the extensions, so that every cleanup step runs.
        sandbox.execute("delete from OSSYS_EXTENSION_DBCONNECTION");
        return sandbox;
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aRehearsalBegunOnAnEarlierSandboxResumesWithTheUrlItRecorded(Dbms dbms) throws Exception {
        String url = EarlierSandbox.create(dbms, folder.resolve("earlier"), SandboxSize.SMALL);
        SandboxRunFixture sandbox = unmapped(dbms, url);
        Path runDir = folder.resolve("run");
        CliProcess.Result prepared = CliProcess.inProcess("run", "--run-dir", runDir.toString(), "--plan",
                plan(dbms).toString(), "--target", url, "--user", "sa", "--prepare-only");
        assertEquals(0, prepared.code(), prepared.out() + prepared.err());
        assertEquals(url, RunFolder.open(runDir, Clock.systemUTC()).journal().entries().get(0)
                .get("target"));

        CliProcess.Result resumed = CliProcess.inProcess("run", "--run-dir", runDir.toString(), "--target", url,
                "--user", "sa", "--yes");

        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        sandbox.assertCleaned();
        assertEquals(List.of("$OS_LOG_DB_7e3e8ce0"), sandbox.rows("select NAME from ossys_dbconnection"));
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void theCleanupKeepsTheSameRowsOnAnEarlierSandboxAsOnOneMadeTodayWithEveryTextUpperCased(Dbms dbms)
            throws Exception {
        Path plan = plan(dbms);
        Map<String, Map<String, List<String>>> kept = new LinkedHashMap<>();
        for (String made : List.of("earlier", "today")) {
            Path path = folder.resolve(made);
            String url = made.equals("earlier") ? EarlierSandbox.create(dbms, path, SandboxSize.SMALL)
                    : Sandbox.create(dbms, path, SandboxSize.SMALL);
            SandboxRunFixture sandbox = unmapped(dbms, url);
            // SQL Server's default collation and Oracle's LINGUISTIC/BINARY_AI session find '$OS_LOG_DB_7e3e8ce0',
            // 'Users' or an ss_key in any letter case; so must both H2 settings.
            for (String column : sandbox.rows(textColumns(dbms))) {
                String[] parts = column.split("\\|");
                sandbox.execute("update " + parts[0] + " set " + parts[1] + " = upper(" + parts[1] + ")");
            }
            assertEquals(List.of("$OS_LOG_DB_7E3E8CE0"), sandbox.rows("select NAME from ossys_dbconnection where "
                    + "ID = 1"), made);
            CliProcess.Result run = CliProcess.inProcess("run", "--run-dir", folder.resolve("run-" + made)
                    .toString(), "--plan", plan.toString(), "--target", url, "--user", "sa", "--yes");
            assertEquals(0, run.code(), made + ": " + run.out() + run.err());
            assertEquals(List.of("1"), sandbox.rows("select ID from ossys_dbconnection"), made);
            kept.put(made, everyRowKey(sandbox, dbms));
        }
        Map<String, List<String>> earlier = kept.get("earlier");
        Map<String, List<String>> today = kept.get("today");
        assertEquals(earlier.keySet(), today.keySet());
        List<String> differ = earlier.keySet().stream().filter(t -> !earlier.get(t).equals(today.get(t)))
                .map(t -> t + ": earlier " + earlier.get(t) + ", today " + today.get(t)).toList();
        assertEquals(List.of(), differ);
    }

    private static String schema(Dbms dbms) {
        return switch (dbms) {
            case SQLSERVER -> "PUBLIC";
            case ORACLE -> Sandbox.ORACLE_SCHEMA;
        };
    }

    private static String textColumns(Dbms dbms) {
        return "select c.TABLE_NAME, c.COLUMN_NAME from INFORMATION_SCHEMA.COLUMNS c join INFORMATION_SCHEMA.TABLES "
                + "t on t.TABLE_SCHEMA = c.TABLE_SCHEMA and t.TABLE_NAME = c.TABLE_NAME where c.TABLE_SCHEMA = '"
                + schema(dbms) + "' and t.TABLE_TYPE = 'BASE TABLE' and c.DATA_TYPE like '%CHAR%' "
                + "order by c.TABLE_NAME, c.COLUMN_NAME";
    }

    /**
     * Each platform table with the first column of every row it holds: which rows the cleanup kept. Not envclone's
     * own lock table, whose row names the database.
     */
    private static Map<String, List<String>> everyRowKey(SandboxRunFixture sandbox, Dbms dbms) throws Exception {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (String table : sandbox.rows("select c.TABLE_NAME, c.COLUMN_NAME from INFORMATION_SCHEMA.COLUMNS c "
                + "join INFORMATION_SCHEMA.TABLES t on t.TABLE_SCHEMA = c.TABLE_SCHEMA and t.TABLE_NAME = "
                + "c.TABLE_NAME where c.TABLE_SCHEMA = '" + schema(dbms) + "' and t.TABLE_TYPE = 'BASE TABLE' and "
                + "c.ORDINAL_POSITION = 1 and upper(c.TABLE_NAME) not like 'ENVCLONE%' order by c.TABLE_NAME")) {
            String[] parts = table.split("\\|");
            keys.put(parts[0], sandbox.rows("select " + parts[1] + " from " + parts[0] + " order by " + parts[1]));
        }
        assertTrue(keys.size() > 20, keys.keySet().toString());
        return keys;
    }
}
