package dev.envclone.run;

import dev.envclone.cli.CliProcess;
import dev.envclone.sandbox.Sandbox;
import dev.envclone.sandbox.SandboxSize;
import dev.envclone.sql.Dbms;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A small sandbox, a plan for it, and helpers to read what is in the sandbox now. */
public final class SandboxRunFixture {
    public final Dbms dbms;
    public final Path folder;
    public final String url;
    public final Path plan;
    public final Path runDir;

    public SandboxRunFixture(Dbms dbms, Path folder) throws Exception {
        this.dbms = dbms;
        this.folder = folder;
        this.url = Sandbox.create(dbms, folder.resolve("sandbox"), SandboxSize.SMALL);
        CliProcess.Result planned = CliProcess.inProcess("plan", "--dbms", dbms.cliName(), "--out",
                folder.resolve("plan").toString());
        if (planned.code() != 0) {
            throw new IllegalStateException(planned.err());
        }
        this.plan = folder.resolve("plan").resolve("plan.json");
        this.runDir = folder.resolve("run");
    }

    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, "sa", "");
        if (dbms == Dbms.ORACLE) {
            connection.setSchema(Sandbox.ORACLE_SCHEMA);
        }
        return connection;
    }

    public List<String> rows(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c > 1 ? "|" : "").append(result.getString(c));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    public long count(String table) throws SQLException {
        return Long.parseLong(rows("select count(*) from " + table).get(0));
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
