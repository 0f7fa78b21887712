package dev.envclone.ui.cleanup;

import dev.envclone.procedure.PlanBuilder;
import dev.envclone.run.RunFolder;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A run created against a real (non-H2) target, opened in the fixture's wizard: what the cleanup page shows on a
 * real environment. No server answers at that URL, so a test uses it only up to the question before Execute.
 */
final class RealTargetRun {
    private RealTargetRun() {
    }

    static RunFolder open(WizardFixture fixture, Dbms dbms, Path folder) throws Exception {
        String url = switch (dbms) {
            case SQLSERVER -> "jdbc:sqlserver://db01.example.com:1433;databaseName=OutSystems";
            case ORACLE -> "jdbc:oracle:thin:@//db01.example.com:1521/OUTSYS";
        };
        RunFolder.create(folder, new PlanBuilder(dbms).build(), null, url, "Ana Operator", Clock.systemUTC());
        fixture.wizard.openRun(folder);
        return fixture.wizard.runProperty().get();
    }
}
