package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.CleanupContext;
import dev.envclone.procedure.InstallPath;
import dev.envclone.procedure.InstallPhase;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.OptionalPart;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.procedure.ProcedureCatalog;
import dev.envclone.procedure.Step;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import dev.envclone.sql.RowChange;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What of "each step of the cleanup scripts runs alone" H2 can show: the engine's statements of each step (the ones
 * the scripts hold), each step in a new connection that has only the session setup, one step at a time and in an
 * order that is not the files', leave the rehearsal database exactly as the whole files run in one session do; and
 * the after-install file run a second time changes no row. The scripts' T-SQL and SQL*Plus wrappers themselves
 * (USE, THROW, TRY/CATCH, WHENEVER) do not run on H2: CleanupScriptBatchesTest and the golden files pin them
 * (docs/decisions/0009-scripts-safe-one-step-at-a-time.md).
 */
class ScriptStepsAloneTest {
    @TempDir
    Path folder;

    static Stream<Arguments> plans() {
        List<Arguments> plans = new ArrayList<>();
        for (Dbms dbms : Dbms.values()) {
            for (InstallPath path : InstallPath.values()) {
                plans.add(Arguments.of(dbms, path));
            }
        }
        return plans.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("plans")
    void everyStepAloneInAnotherOrderLeavesTheRowsTheWholeFilesLeave(Dbms dbms, InstallPath path) throws Exception {
        MigrationPlan plan = plan(dbms, path);
        List<Step> steps = ProcedureCatalog.cleanupSteps(plan);
        String whole = sandbox(dbms, "whole");
        String alone = copy(dbms, "whole", "alone");

        try (Connection session = prepared(whole, plan)) {
            for (Step step : steps) {
                run(session, plan, step);
            }
        }
        List<Step> shuffled = new ArrayList<>(steps);
        Collections.shuffle(shuffled, new Random(11));
        assertNotEquals(steps, shuffled, "an order that is not the files'");
        for (Step step : shuffled) {
            int changed;
            try (Connection session = prepared(alone, plan)) {
                changed = run(session, plan, step);
            }
            assertTrue(changed > 0, step.id() + " changed no row of the sandbox: the check would prove nothing");
            try (Connection check = prepared(alone, plan)) {
                assertEquals(0, remaining(check, plan, step), step.id() + " left rows to change");
            }
        }
        assertEquals(List.of(), differences(rows(whole), rows(alone)), "rows that differ, whole files | steps alone");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("plans")
    void theAfterInstallFileRunTwiceLeavesTheSameRows(Dbms dbms, InstallPath path) throws Exception {
        MigrationPlan plan = plan(dbms, path);
        String url = installed(dbms, plan, "twice");

        List<Integer> first = runAfterInstallFile(url, plan);
        Map<String, List<String>> once = rows(url);
        List<Integer> second = runAfterInstallFile(url, plan);

        assertTrue(first.stream().anyMatch(count -> count > 0), "the first run changed rows: " + first);
        assertEquals(Collections.nCopies(first.size(), 0), second, "rows changed by the second run");
        assertEquals(List.of(), differences(once, rows(url)), "rows that differ, first run | second run");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("plans")
    void theAfterInstallFileKeepsWhatTheInstallWrote(Dbms dbms, InstallPath path) throws Exception {
        MigrationPlan plan = plan(dbms, path);
        String url = installed(dbms, plan, "kept");
        Map<String, List<String>> before = rows(url);

        runAfterInstallFile(url, plan);
        runAfterInstallFile(url, plan);

        Map<String, List<String>> after = rows(url);
        for (String table : List.of("ossys_Parameter", "ossys_server")) {
            assertEquals(before.get(table(before, table)), after.get(table(after, table)), table);
        }
        assertTrue(after.get(table(after, "ossys_dbconnection")).stream()
                .anyMatch(row -> row.contains("'$OS_LOG_DB_7e3e8ce0'")), "the log connection is still there");
    }

    /**
     * A sandbox as the after-install file finds it: every before-install step done, then the install's own rows
     * written into the tables those steps emptied (a new environment key, a front-end).
     */
    private String installed(Dbms dbms, MigrationPlan plan, String name) throws Exception {
        String url = sandbox(dbms, name);
        for (Step step : ProcedureCatalog.cleanupSteps(plan)) {
            if (InstallPhase.of(plan, step) == InstallPhase.BEFORE_INSTALL) {
                try (Connection session = prepared(url, plan)) {
                    run(session, plan, step);
                }
            }
        }
        try (Connection session = prepared(url, plan); Statement statement = session.createStatement()) {
            statement.executeUpdate("insert into ossys_Parameter (ID, NAME, VAL) values (9001, "
                    + "'ClientApplicationToken', 'token-of-the-new-environment')");
            statement.executeUpdate("insert into ossys_server (ID, NAME, IP_ADDRESS, IS_ACTIVE) values (9001, "
                    + "'qa-frontend-01', '10.0.0.5', 1)");
            session.commit();
        }
        return url;
    }

    /** The after-install file's steps, in its order, in one new session (the file run once); rows changed each. */
    private static List<Integer> runAfterInstallFile(String url, MigrationPlan plan) throws SQLException {
        List<Integer> counts = new ArrayList<>();
        try (Connection session = prepared(url, plan)) {
            for (Step step : ProcedureCatalog.cleanupSteps(plan)) {
                if (InstallPhase.of(plan, step) == InstallPhase.AFTER_INSTALL) {
                    counts.add(run(session, plan, step));
                }
            }
        }
        assertTrue(!counts.isEmpty(), "the plan has after-install steps");
        return counts;
    }

    /** The key of {@code rows} that names {@code table}, whatever the schema and case. */
    private static String table(Map<String, List<String>> rows, String table) {
        return rows.keySet().stream().filter(key -> key.toUpperCase(java.util.Locale.ROOT)
                .endsWith(".\"" + table.toUpperCase(java.util.Locale.ROOT) + "\"")).findFirst().orElseThrow();
    }

    private static MigrationPlan plan(Dbms dbms, InstallPath path) {
        return new PlanBuilder(dbms).installPath(path).parts(EnumSet.allOf(OptionalPart.class))
                .users(Sandbox.ORACLE_SCHEMA, null, null, null).build();
    }

    /**
     * A small sandbox as the database connections step finds it: the operator has unmapped the connections from
     * the extensions in Service Center (the manual step before it).
     */
    private String sandbox(Dbms dbms, String name) throws Exception {
        String url = Sandbox.create(dbms, folder.resolve(name), SandboxSize.SMALL);
        try (Connection connection = prepared(url, plan(dbms, InstallPath.FRESH));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from OSSYS_EXTENSION_DBCONNECTION");
            connection.commit();
        }
        return url;
    }

    /** A copy of a closed sandbox, row for row (the sandbox's keys and tokens are random). */
    private String copy(Dbms dbms, String from, String to) throws Exception {
        java.nio.file.Files.copy(folder.resolve(from + ".mv.db"), folder.resolve(to + ".mv.db"));
        return Sandbox.url(dbms, folder.resolve(to));
    }

    /** A new session with only the session setup a step needs, autocommit off. */
    private static Connection prepared(String url, MigrationPlan plan) throws SQLException {
        // The session setup every target connection gets (TargetSession), on a connection the test closes itself.
        Connection connection = TargetSession.on(DriverManager.getConnection(url, "sa", ""),
                Dialect.of(plan.dbms()), plan.users().admin()).connection();
        connection.setAutoCommit(false);
        return connection;
    }

    /** Runs one step's statements as the engine does, in one transaction; the rows they changed. */
    private static int run(Connection session, MigrationPlan plan, Step step) throws SQLException {
        Dialect dialect = Dialect.of(plan.dbms());
        int changed = 0;
        try (Statement statement = session.createStatement()) {
            for (RowChange change : CleanupStatements.resolve(session, dialect, items(plan, step))) {
                if (change.ddl()) {
                    // A DDL statement's update count says nothing: measured in the catalog, as the engine does.
                    long before = count(session, change.previewSql());
                    statement.execute(change.sql());
                    changed += (int) (before - count(session, change.previewSql()));
                } else {
                    changed += statement.executeUpdate(change.sql());
                }
            }
            session.commit();
        } catch (SQLException | RuntimeException e) {
            session.rollback();
            throw e;
        }
        return changed;
    }

    private static long count(Connection session, String sql) throws SQLException {
        try (Statement statement = session.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long remaining(Connection session, MigrationPlan plan, Step step) throws SQLException {
        long total = 0;
        for (RowChange change : CleanupStatements.resolve(session, Dialect.of(plan.dbms()), items(plan, step))) {
            try (Statement statement = session.createStatement();
                 ResultSet rs = statement.executeQuery(change.remainingSql())) {
                rs.next();
                total += rs.getLong(1);
            }
        }
        return total;
    }

    private static List<dev.envclone.sql.CleanupItem> items(MigrationPlan plan, Step step) {
        return step.cleanup().statementsFor(new CleanupContext(Dialect.of(plan.dbms()), plan.users().admin()));
    }

    /** Each table's rows that only one side has, as "table: - row" and "table: + row". */
    private static List<String> differences(Map<String, List<String>> left, Map<String, List<String>> right) {
        List<String> differences = new ArrayList<>();
        java.util.Set<String> tables = new java.util.TreeSet<>(left.keySet());
        tables.addAll(right.keySet());
        for (String table : tables) {
            List<String> only = new ArrayList<>(left.getOrDefault(table, List.of()));
            List<String> other = new ArrayList<>(right.getOrDefault(table, List.of()));
            List<String> common = new ArrayList<>(only);
            common.retainAll(other);
            only.removeAll(common);
            other.removeAll(common);
            only.forEach(row -> differences.add(table + ": - " + row));
            other.forEach(row -> differences.add(table + ": + " + row));
        }
        return differences;
    }

    /** Every row of every table of the database, by table, sorted. */
    private static Map<String, List<String>> rows(String url) throws SQLException {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select TABLE_SCHEMA, TABLE_NAME from INFORMATION_SCHEMA.TABLES "
                         + "where TABLE_TYPE = 'BASE TABLE' and TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
                while (rs.next()) {
                    tables.add("\"" + rs.getString(1) + "\".\"" + rs.getString(2) + "\"");
                }
            }
            for (String table : tables) {
                List<String> tableRows = new ArrayList<>(PlatformDatabase.query(connection, "select * from " + table));
                Collections.sort(tableRows);
                rows.put(table, tableRows);
            }
        }
        assertTrue(rows.size() > 10, "tables found: " + rows.keySet());
        return rows;
    }
}
