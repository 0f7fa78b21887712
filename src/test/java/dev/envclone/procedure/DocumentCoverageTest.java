package dev.envclone.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.Dbms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every SQL statement of the procedure document is in the cleanup scripts as the document writes it (whitespace and the
 * admin user's quoting aside), or docs/deviations.md quotes it with its replacement and the reason.
 */
class DocumentCoverageTest {
    private static final Path DOCUMENT = Path.of("src/test/resources/procedure/migrate-environment-using-database-clone.md");
    private static final Path SHARED = Path.of("../shared/procedure/migrate-environment-using-database-clone.md");
    private static final Path DEVIATIONS = Path.of("docs/deviations.md");

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void everyDocumentStatementIsInTheScriptOrADeviation(Dbms dbms) throws IOException {
        List<String> statements = DocumentStatements.statements(part(dbms));
        assertTrue(statements.size() >= 35, "found only " + statements.size() + " statements: " + statements);
        String deviations = DocumentStatements.normalize(Files.readString(DEVIATIONS));
        List<String> missing = new ArrayList<>();
        for (InstallPath path : InstallPath.values()) {
            String script = DocumentStatements.normalize(String.join("\n", CleanupScript.files(
                    new PlanBuilder(dbms).installPath(path).build()).values())).replace("\"OSADMIN\"", "OSADMIN");
            for (String statement : statements) {
                String s = DocumentStatements.normalize(statement);
                if (!script.contains(s) && !deviations.contains(s) && !missing.contains(statement)) {
                    missing.add(statement);
                }
            }
        }
        assertEquals(List.of(), missing, "statements in neither cleanup script nor docs/deviations.md");
    }

    @Test
    void findsTheStatementsTheDocumentHas() throws IOException {
        // Counts measured in dialect-facts.md: 37 distinct statements in the SQL Server part, 39 in the Oracle part.
        List<String> sqlServer = distinct(DocumentStatements.statements(part(Dbms.SQLSERVER)));
        List<String> oracle = distinct(DocumentStatements.statements(part(Dbms.ORACLE)));
        assertTrue(sqlServer.stream().anyMatch(s -> s.startsWith("if exists")), sqlServer.toString());
        assertTrue(oracle.stream().anyMatch(s -> s.startsWith("DECLARE v_exists")), oracle.toString());
        assertEquals(37, sqlServer.size(), sqlServer.toString());
        assertEquals(39, oracle.size(), oracle.toString());
    }

    @Test
    void theCopyUnderTestIsTheSharedDocument() throws IOException {
        Assumptions.assumeTrue(Files.exists(SHARED), "../shared is not beside this checkout");
        assertEquals(Files.readString(SHARED), Files.readString(DOCUMENT),
                "the procedure document changed: copy it to " + DOCUMENT + " and review the statements");
    }

    private static List<String> distinct(List<String> statements) {
        return statements.stream().map(DocumentStatements::normalize).distinct().toList();
    }

    private static String part(Dbms dbms) throws IOException {
        String document = Files.readString(DOCUMENT);
        int oracle = document.indexOf("## Migrate an environment with Oracle database");
        return dbms == Dbms.SQLSERVER ? document.substring(0, oracle) : document.substring(oracle);
    }
}
