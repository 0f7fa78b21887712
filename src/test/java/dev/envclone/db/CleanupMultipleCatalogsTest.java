package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envclone.procedure.CleanupCatalog;
import dev.envclone.sql.Dbms;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CleanupMultipleCatalogsTest {

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void blanksTheCredentialsOfEveryCatalogButMain(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            String catalog = "ossys_dbcatalog (ID, NAME, USERNAME, PASSWORD)";
            db.insert(catalog, 1, "(Main)", "OSADMIN", "main-password");
            db.insert(catalog, 2, "Sales", "SALES_USER", "sales-password");
            db.insert(catalog, 3, "Reporting", "REPORT_USER", "report-password");

            List<CleanupRun.Executed> executed = CleanupRun.run(db, CleanupCatalog.MULTIPLE_CATALOGS);

            assertEquals(List.of(2), CleanupRun.countsOf(executed));
            // ' ' and not '': on Oracle '' would be NULL.
            assertEquals(List.of(
                    "1, '(Main)', 'OSADMIN', 'main-password'",
                    "2, 'Sales', ' ', ' '",
                    "3, 'Reporting', ' ', ' '"), db.rows("ossys_dbcatalog", "ID, NAME, USERNAME, PASSWORD"));
        }
    }
}
