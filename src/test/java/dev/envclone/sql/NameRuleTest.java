package dev.envclone.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameRuleTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "OS'ADMIN          | a quote",
        "OS\"ADMIN         | a quote",
        "OSADMIN;DROP      | ';'",
        "[OSADMIN]         | a bracket",
        "OSADMIN]          | a bracket",
        "OSADMIN--x        | a comment marker",
        "OS/*x*/ADMIN      | a comment marker",
        "^ OSADMIN^        | leading or trailing spaces",
        "OS ADMIN          | not allowed",
        "1OSADMIN          | not allowed",
        "OS-ADMIN          | not allowed",
        "select            | reserved",
        "TABLE             | reserved",
        "sys               | reserved",
        "dbo               | reserved"})
    void rejectsHostileIdentifierNamingTheField(String value, String reason) {
        for (NameRule rule : new NameRule[] {NameRule.SQLSERVER_IDENTIFIER, NameRule.ORACLE_IDENTIFIER}) {
            InvalidNameException e = assertThrows(InvalidNameException.class, () -> rule.check("admin user", value));
            assertEquals("admin user", e.field());
            assertTrue(e.getMessage().startsWith("admin user "), e.getMessage());
            assertTrue(e.getMessage().contains(reason), e.getMessage() + " should say " + reason);
        }
    }

    @ParameterizedTest
    @EnumSource(value = NameRule.class)
    void rejectsEmptyAndMissingNames(NameRule rule) {
        assertTrue(assertThrows(InvalidNameException.class, () -> rule.check("catalog", ""))
                .getMessage().startsWith("catalog is empty"));
        assertTrue(assertThrows(InvalidNameException.class, () -> rule.check("catalog", null))
                .getMessage().startsWith("catalog is empty"));
    }

    @ParameterizedTest
    @EnumSource(value = NameRule.class)
    void rejectsLineBreaksAndControlCharactersShowingThemPrintably(NameRule rule) {
        InvalidNameException e = assertThrows(InvalidNameException.class,
                () -> rule.check("runtime user", "OSRUNTIME\nGO"));
        assertTrue(e.getMessage().contains("OSRUNTIME\\nGO") && e.getMessage().contains("a line break"),
                e.getMessage());
        assertTrue(assertThrows(InvalidNameException.class, () -> rule.check("runtime user", "OS\u0000X"))
                .getMessage().contains("a control character"));
    }

    @Test
    void rejectsOverLongNamesWithTheLimit() {
        String longName = "A".repeat(129);
        InvalidNameException e = assertThrows(InvalidNameException.class,
                () -> NameRule.SQLSERVER_IDENTIFIER.check("target catalog", longName));
        assertTrue(e.getMessage().contains("129 characters long (the limit is 128)"), e.getMessage());
        assertEquals("A".repeat(128), NameRule.SQLSERVER_IDENTIFIER.check("target catalog", "A".repeat(128)));
    }

    @Test
    void aValueBreakingTwoRulesIsRefusedNamingBoth() {
        InvalidNameException e = assertThrows(InvalidNameException.class,
                () -> NameRule.SQLSERVER_IDENTIFIER.check("admin user", "OS'ADMIN;DROP"));
        assertEquals("admin user 'OS'ADMIN;DROP' contains ';' and a quote: use letters, digits, _, @, $ or #, "
                + "starting with a letter or _.", e.getMessage());
    }

    @Test
    void everyBrokenRuleIsNamedOnceInTheOrderTheyAreChecked() {
        assertEquals("runtime user '" + "A".repeat(37) + "...' is 131 characters long (the limit is 128), and "
                        + "contains a comment marker and a bracket: use letters, digits, _, $ or #, starting with a "
                        + "letter.", assertThrows(InvalidNameException.class, () -> NameRule.ORACLE_IDENTIFIER
                        .check("runtime user", "A".repeat(126) + "--[]x")).getMessage());
        assertEquals("admin user 'OSADMIN;DROP USER SYS' contains ';', and more that is not allowed: use letters, "
                + "digits, _, @, $ or #, starting with a letter or _.", assertThrows(InvalidNameException.class,
                        () -> NameRule.SQLSERVER_IDENTIFIER.check("admin user", "OSADMIN;DROP USER SYS"))
                .getMessage());
        assertEquals("admin user 'select;' contains ';', and is reserved in SQL Server or Oracle (a keyword or a "
                + "built-in account): use letters, digits, _, @, $ or #, starting with a letter or _; choose another "
                + "name.", assertThrows(InvalidNameException.class,
                        () -> NameRule.SQLSERVER_IDENTIFIER.check("admin user", "select;")).getMessage());
        assertEquals("server 'db;01,99999' contains ';', and has port 99999: give host, "
                + "host\\instance or host,port; give a port from 1 to 65535.", assertThrows(InvalidNameException.class,
                        () -> NameRule.SQLSERVER_SERVER.check("server", "db;01,99999")).getMessage());
    }

    @Test
    void foldsOracleNamesToUpperCaseAndKeepsSqlServerCase() {
        assertEquals("NEW_OSADMIN", NameRule.ORACLE_IDENTIFIER.check("admin user", "new_osadmin"));
        assertEquals("OutSystems_Clone", NameRule.SQLSERVER_IDENTIFIER.check("catalog", "OutSystems_Clone"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"D:\\SQLData", "D:\\", "\\\\fileserver\\backups\\OutSystems", "E:\\MSSQL 16\\Data"})
    void acceptsWindowsFolders(String folder) {
        assertEquals(folder, NameRule.WINDOWS_FOLDER.check("data folder", folder));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SQLData", "D:\\Data'; SHUTDOWN --", "/var/opt/mssql", "D:\\Data\nX"})
    void rejectsFoldersThatAreNotPlainAbsoluteWindowsFolders(String folder) {
        assertTrue(assertThrows(InvalidNameException.class, () -> NameRule.WINDOWS_FOLDER.check("data folder", folder))
                .getMessage().startsWith("data folder "));
    }

    @Test
    void quotesCheckedNamesPerDialect() {
        assertEquals("[OSADMIN]", Dialect.of(Dbms.SQLSERVER).quote("OSADMIN"));
        assertEquals("\"OSADMIN\"", Dialect.of(Dbms.ORACLE).quote("OSADMIN"));
        assertEquals("N'it''s'", Dialect.of(Dbms.SQLSERVER).literal("it's"));
        assertEquals("'it''s'", Dialect.of(Dbms.ORACLE).literal("it's"));
    }
}
