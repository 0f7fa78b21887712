package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recovery asks "are the rows a step was about to change still as they were?". SQL Server and Oracle return rows
 * without ORDER BY in no promised order, so the answer must not depend on it.
 */
class PreImagesTest {
    @TempDir
    Path folder;

    private static Connection database(Dbms dbms, String name) throws Exception {
        Connection connection = DriverManager.getConnection(H2Mode.memoryUrl(dbms, name), "sa", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table t (id int primary key, name varchar(20))");
            statement.execute("insert into t values (1, 'a'), (2, 'b'), (3, 'c')");
        }
        return connection;
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void rowsThatComeBackInAnotherOrderAreUnchanged(Dbms dbms) throws Exception {
        try (Connection connection = database(dbms, "order_" + dbms.cliName())) {
            PreImage saved = PreImageWriter.write(connection, "select * from t order by id", folder.resolve("a.csv"),
                    new CancelToken());
            PreImage reversed = PreImageWriter.write(connection, "select * from t order by id desc",
                    folder.resolve("b.csv"), new CancelToken());

            assertNotEquals(saved.sha256(), reversed.sha256(), "the files differ byte for byte");
            assertEquals(saved.rowSet(), reversed.rowSet());
            assertTrue(PreImages.unchanged(connection, "select * from t order by id desc", saved));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aChangedOrAddedRowIsNotUnchangedInAnyOrder(Dbms dbms) throws Exception {
        try (Connection connection = database(dbms, "change_" + dbms.cliName())) {
            PreImage saved = PreImageWriter.write(connection, "select * from t order by id", folder.resolve("a.csv"),
                    new CancelToken());
            try (Statement statement = connection.createStatement()) {
                statement.execute("update t set name = 'x' where id = 2");
            }
            assertFalse(PreImages.unchanged(connection, "select * from t order by id desc", saved));
            try (Statement statement = connection.createStatement()) {
                statement.execute("update t set name = 'b' where id = 2");
                statement.execute("insert into t values (4, 'c')");
            }
            assertFalse(PreImages.unchanged(connection, "select * from t order by id desc", saved));
            try (Statement statement = connection.createStatement()) {
                statement.execute("delete from t where id = 4");
            }
            assertTrue(PreImages.unchanged(connection, "select * from t order by id desc", saved));
        }
    }
}
