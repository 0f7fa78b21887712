package dev.envclone.clone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.clone.OracleCreationScript.CreationStatement;
import dev.envclone.db.CancelToken;
import dev.envclone.db.Secret;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.procedure.PlanBuilder;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * create-users through JDBC: the statement list is create-users.sql minus its SQL*Plus commands, read from the file's
 * own text; passwords go only into the text handed to the driver.
 */
class CreateUsersOverJdbcTest {
    private static final MigrationPlan DEFAULT = DataPumpSqlTest.DEFAULT;
    private static final MigrationPlan CUSTOM = DataPumpSqlTest.CUSTOM;

    /** The file's statements the way SQL*Plus reads them: commands and comments left out, terminators removed. */
    private static List<String> statementsOfTheFile(String script) {
        List<String> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean block = false;
        for (String line : script.split("\n")) {
            if (current.isEmpty() && !block && (line.isBlank() || line.startsWith("--")
                    || line.matches("(WHENEVER|SET|ACCEPT|UNDEFINE) .*"))) {
                continue;
            }
            if (current.isEmpty() && (line.equals("DECLARE") || line.equals("BEGIN"))) {
                block = true;
            }
            if (block && line.equals("/")) {
                out.add(String.join("\n", current));
                current.clear();
                block = false;
            } else if (!block && line.endsWith(";")) {
                current.add(line.substring(0, line.length() - 1));
                out.add(String.join("\n", current));
                current.clear();
            } else {
                current.add(line);
            }
        }
        assertTrue(current.isEmpty(), "an unterminated statement at the end: " + current);
        return out;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theStatementsAreTheFilesMinusItsSqlPlusCommands(boolean custom) {
        MigrationPlan plan = custom ? CUSTOM : DEFAULT;
        List<String> fromFile = statementsOfTheFile(OracleCreationScript.render(plan));
        assertEquals(fromFile, OracleCreationScript.statements(plan).stream().map(CreationStatement::text).toList());
        assertTrue(fromFile.size() > 10);
    }

    @Test
    void eachCreateUserNamesItsUserAndPlaceholderAndNothingElseHasOne() {
        List<CreationStatement> statements = OracleCreationScript.statements(CUSTOM);
        List<String> users = CUSTOM.users().distinct();
        for (CreationStatement s : statements) {
            if (s.text().startsWith("CREATE USER ")) {
                assertEquals("\"&pw" + (users.indexOf(s.user()) + 1) + "\"", s.placeholder());
                assertTrue(s.text().startsWith("CREATE USER \"" + s.user() + "\" IDENTIFIED BY " + s.placeholder()
                        + " "), s.text());
            } else {
                assertNull(s.user(), s.text());
                assertFalse(s.text().contains("&pw"), s.text());
            }
        }
        assertEquals(users, statements.stream().filter(s -> s.user() != null).map(CreationStatement::user).toList());
    }

    @Test
    void thePasswordGoesExactlyWhereThePlaceholderWas() throws CloneFailedException {
        CreationStatement admin = OracleCreationScript.statements(DEFAULT).stream()
                .filter(s -> "OSADMIN".equals(s.user())).findFirst().orElseThrow();
        String quoted = CreateUsersStep.quotedPassword("OSADMIN", Secret.of("Pa ss'w0rd&pw2".toCharArray()));
        assertEquals("CREATE USER \"OSADMIN\" IDENTIFIED BY \"Pa ss'w0rd&pw2\" DEFAULT TABLESPACE \"OSSYS\" QUOTA "
                + "UNLIMITED ON \"OSSYS\" QUOTA UNLIMITED ON \"OSIDX\" QUOTA UNLIMITED ON \"OSUSR\"",
                admin.withPassword(quoted));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab\"cd", "line\nbreak", ""})
    void aPasswordIdentifiedByCannotHoldIsRefusedWithoutShowingIt(String password) {
        CloneFailedException e = assertThrows(CloneFailedException.class,
                () -> CreateUsersStep.quotedPassword("OSADMIN", Secret.of(password.toCharArray())));
        assertTrue(e.getMessage().contains("Oracle user OSADMIN"), e.getMessage());
        assertTrue(password.isEmpty() || !e.getMessage().contains(password), e.getMessage());
        assertEquals("nothing was changed", e.left());
    }

    @Test
    void theCommandLineReadsEachPasswordFromAVariableNamedForTheUser() {
        assertEquals("ENVCLONE_PASSWORD_OSADMIN_LOG", CreateUsersStep.variable("OSADMIN_LOG"));
        assertEquals("ENVCLONE_PASSWORD_A_B", CreateUsersStep.variable("A$B"));
    }

    @Test
    void aFailedStatementsMessageHidesThePassword() {
        assertEquals("ORA-00922: missing or invalid option near ****",
                CreateUsersStep.hide("ORA-00922: missing or invalid option near s3cret", List.of("\"s3cret\"")));
    }

    /**
     * Against a real session (H2 in Oracle mode, which has no CREATE TABLESPACE): every password is asked for
     * before the first statement, the first statement fails on H2, and no password is in what the operator sees
     * or the journal gets.
     */
    @Test
    void onARealSessionPasswordsAreAskedFirstAndNeverShown() throws SQLException {
        Map<String, String> asked = new HashMap<>();
        Passwords passwords = (forWhat, variable) -> {
            asked.put(variable, forWhat);
            return Secret.of(("pw-" + variable.toLowerCase()).toCharArray());
        };
        List<String> seen = new ArrayList<>();
        List<Map<String, String>> journal = new ArrayList<>();
        try (TargetSession session = TargetSession.on(DriverManager.getConnection("jdbc:h2:mem:createusers;"
                + "MODE=Oracle", "sa", ""), Dialect.of(Dbms.ORACLE), null)) {
            CreateUsersStep step = new CreateUsersStep(DEFAULT, session, passwords);
            CloneFailedException e = assertThrows(CloneFailedException.class, () -> step.run(journal::add,
                    new CloneListener() {
                        @Override
                        public void progress(String message, int done, int total) {
                            seen.add(message);
                        }

                        @Override
                        public void logLine(String line) {
                            seen.add(line);
                        }
                    }, new CancelToken()));
            assertEquals(DEFAULT.users().distinct().size(), asked.size());
            assertTrue(asked.get("ENVCLONE_PASSWORD_OSADMIN").startsWith("Oracle user OSADMIN"));
            assertTrue(e.getMessage().startsWith("create-users stopped at statement 1 of "), e.getMessage());
            assertEquals("nothing was changed", e.left());
            String everything = String.join("\n", seen) + e.getMessage() + journal;
            assertFalse(everything.contains("pw-envclone"), everything);
            assertEquals(1, journal.size());
        }
    }

    @Test
    void aRefusedPasswordStopsTheStepBeforeAnythingIsJournaledOrSent() throws SQLException {
        List<Map<String, String>> journal = new ArrayList<>();
        try (TargetSession session = TargetSession.on(DriverManager.getConnection("jdbc:h2:mem:refused;MODE=Oracle",
                "sa", ""), Dialect.of(Dbms.ORACLE), null)) {
            CreateUsersStep step = new CreateUsersStep(DEFAULT, session, (f, v) -> Secret.of("a\"b".toCharArray()));
            List<String> lines = new ArrayList<>();
            assertThrows(CloneFailedException.class, () -> step.run(journal::add, new CloneListener() {
                @Override
                public void progress(String message, int done, int total) {
                }

                @Override
                public void logLine(String line) {
                    lines.add(line);
                }
            }, new CancelToken()));
            assertTrue(journal.isEmpty());
            assertTrue(lines.isEmpty());
        }
    }
}
