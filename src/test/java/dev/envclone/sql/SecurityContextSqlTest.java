package dev.envclone.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The security-context step's SQL Server statements run only on a real SQL Server (H2 has no sys.* views): their
 * exact text is pinned here, in a golden file a DBA can read, for the default source users in the platform catalog
 * and custom ones in a separate log catalog, with the catalog queries and every kind of action (the names in an
 * action come from the catalog at run time; the golden file uses examples, one of them with a bracket and a
 * quote). The script form is pinned in the plan golden files' cleanup.sql. Checked against Microsoft's
 * documentation (see {@link SqlServerSecurityContext}). After a deliberate change: {@code -Dgolden.update=true}.
 */
class SecurityContextSqlTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "security-context");

    @Test
    void theJdbcStatementsAreExactlyTheGoldenOnes() throws IOException {
        List<String> out = new ArrayList<>();
        catalog(out, "OUTSYSTEMS_CLONE", List.of("OSADMIN", "OSRUNTIME", "OSLOG"), "OSADMIN");
        catalog(out, "OS_QA_LOG", List.of("PROD_ADMIN", "PROD_RUNTIME", "PROD_LOG"), "PROD_LOG");
        String text = String.join("\n", out) + "\n";
        Path golden = GOLDEN.resolve("sqlserver-jdbc.sql");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), text);
    }

    @Test
    void aNameReadFromTheCatalogReachesTheStatementOnlyQuoted() {
        RowChange change = SqlServerSecurityContext.schemaToDbo("OS_QA", "OSADMIN", "x]; DROP TABLE t; --'", "");
        assertEquals("EXEC sp_executesql N'USE [OS_QA]; ALTER AUTHORIZATION ON SCHEMA::[x]]; DROP TABLE t; --''] TO "
                + "[dbo];'", change.sql());
        assertTrue(change.ddl());
    }

    private static void catalog(List<String> out, String catalog, List<String> users, String user) {
        out.add("-- ---- catalog " + catalog + ", users " + String.join(", ", users));
        out.add("-- users and the logins their SIDs map to");
        out.add(SqlServerSecurityContext.usersQuery(catalog, users) + ";");
        out.add("-- objects a user owns explicitly");
        out.add(SqlServerSecurityContext.ownedObjectsQuery(catalog, users) + ";");
        out.add("-- schemas a user owns, with their object counts");
        out.add(SqlServerSecurityContext.ownedSchemasQuery(catalog, users) + ";");
        out.add("-- roles a user owns");
        out.add(SqlServerSecurityContext.ownedRolesQuery(catalog, users) + ";");
        out.add("-- objects in a user's own schema (they stop the step)");
        out.add(SqlServerSecurityContext.ownSchemaObjectsQuery(catalog, users) + ";");
        action(out, "object to its schema's owner", SqlServerSecurityContext.objectToSchemaOwner(catalog, user,
                "dbo", "OSUSR_ABC_REPORT", ""));
        action(out, "schema to dbo", SqlServerSecurityContext.schemaToDbo(catalog, user, "Reports]'Q1", ""));
        action(out, "role to dbo", SqlServerSecurityContext.roleToDbo(catalog, user, "ReportReaders", ""));
        action(out, "drop the own schema", SqlServerSecurityContext.dropOwnSchema(catalog, user, ""));
        action(out, "drop the user", SqlServerSecurityContext.dropUser(catalog, user, ""));
    }

    private static void action(List<String> out, String what, RowChange change) {
        out.add("-- action: " + what + " (statement; preview; pre-image)");
        out.add(change.sql() + ";");
        out.add(change.previewSql() + ";");
        out.add(change.preImageSql() + ";");
    }
}
