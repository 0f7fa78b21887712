package dev.envclone.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SandboxTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void createPrintsTheJdbcUrlLastAndAnyH2ClientOpensItAsSa(Dbms dbms) throws Exception {
        Path db = folder.resolve("rehearsal");
        CliProcess.Result result = CliProcess.inProcess("sandbox", "create", "--dbms", dbms.cliName(), "--db",
                db.toString());
        assertEquals(0, result.code(), result.err());
        List<String> lines = result.out().lines().toList();
        String url = lines.get(lines.size() - 1);
        assertEquals(Sandbox.url(dbms, db), url);
        assertTrue(Files.isRegularFile(Path.of(db + ".mv.db")));
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from "
                     + (dbms == Dbms.ORACLE ? "OSADMIN." : "") + "ossys_Parameter")) {
            rows.next();
            assertEquals(24, rows.getInt(1));
        }
    }

    @Test
    void aDbPathWithH2SettingsIsRefusedAndItsInitNeverRuns() throws Exception {
        Path marker = folder.resolve("marker.txt");
        Path script = folder.resolve("init.sql");
        // What /etc/passwd would be read as: a script that leaves a marker file if H2 ever runs it.
        Files.writeString(script, "CALL FILE_WRITE(STRINGTOUTF8('ran'), '" + marker + "');\n");
        String db = folder.resolve("x") + ";INIT=RUNSCRIPT FROM '" + script + "'";
        CliProcess.Result result = CliProcess.inProcess("sandbox", "create", "--dbms", "sqlserver", "--db", db);
        assertEquals(2, result.code(), result.err());
        assertEquals("envclone sandbox create: --db " + folder.resolve("x") + ";...: a sandbox path holds no ';' (H2 "
                + "URL settings are not taken here): give a plain path such as runs/rehearsal",
                result.err().lines().findFirst().orElse(""));
        assertFalse(Files.exists(marker), "the INIT script ran");
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(script), files.toList(), "only the script is in the folder");
        }
    }

    @Test
    void refusesToCreateOverAnExistingDatabase() throws Exception {
        Path db = folder.resolve("rehearsal");
        Files.writeString(Path.of(db + ".mv.db"), "someone's database");
        CliProcess.Result result = CliProcess.inProcess("sandbox", "create", "--dbms", "sqlserver", "--db",
                db.toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains("rehearsal.mv.db already exists: give another --db path"), result.err());
        assertEquals("someone's database", Files.readString(Path.of(db + ".mv.db")));
    }

    @Test
    void aLargeSandboxHasFiveThousandModulesAndTwoHundredThousandSiteProperties() throws Exception {
        String url = Sandbox.create(Dbms.SQLSERVER, folder.resolve("large"), SandboxSize.LARGE);
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select (select count(*) from ossys_Espace), "
                     + "(select count(*) from OSSYS_SITE_PROPERTY) + (select count(*) from OSSYS_SITE_PROPERTY_SHARED)")) {
            rows.next();
            assertTrue(rows.getInt(1) >= 5_000, rows.getInt(1) + " modules");
            assertTrue(rows.getInt(2) >= 200_000, rows.getInt(2) + " site property rows");
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void theUrlHoldsNoSpaceSoThatItPastesAsOneWord(Dbms dbms) {
        String url = Sandbox.url(dbms, folder.resolve("rehearsal"));
        assertFalse(url.chars().anyMatch(Character::isWhitespace), url);
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void everyTextColumnOfTheSandboxComparesIgnoringCase(Dbms dbms) throws Exception {
        // IGNORECASE=TRUE turns only VARCHAR into VARCHAR_IGNORECASE (db.H2Mode): a CHAR or CLOB column added to
        // the schema would compare with case, unlike the real DBMS.
        String url = Sandbox.create(dbms, folder.resolve("rehearsal"), SandboxSize.SMALL);
        List<String> caseSensitive = new ArrayList<>();
        int textColumns = 0;
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet columns = statement.executeQuery("select TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE "
                     + "from INFORMATION_SCHEMA.COLUMNS where TABLE_SCHEMA <> 'INFORMATION_SCHEMA' and (DATA_TYPE "
                     + "like '%CHAR%' or DATA_TYPE like '%CLOB%' or DATA_TYPE like '%LARGE OBJECT%')")) {
            while (columns.next()) {
                textColumns++;
                if (!columns.getString(4).equals("VARCHAR_IGNORECASE")) {
                    caseSensitive.add(columns.getString(1) + "." + columns.getString(2) + "." + columns.getString(3)
                            + " " + columns.getString(4));
                }
            }
        }
        assertTrue(textColumns >= 30, textColumns + " text columns");
        assertEquals(List.of(), caseSensitive);
    }
}
