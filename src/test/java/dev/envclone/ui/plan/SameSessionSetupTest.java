package dev.envclone.ui.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.cli.CliProcess;
import dev.envclone.db.TargetInspection;
import dev.envclone.db.TargetProbe;
import dev.envclone.db.TargetSession;
import dev.envclone.procedure.MigrationPlan;
import dev.envclone.run.JournalEvent;
import dev.envclone.run.RunSession;
import dev.envclone.sql.Dbms;
import dev.envclone.sql.Dialect;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code envclone fingerprint}, the wizard's Test connection and a run open their sessions on the target the same
 * way (db.TargetSession), on H2 in Oracle mode: what H2 can show (the current schema, which the fingerprint names)
 * is read back through the real connection; what it cannot (NLS), the session records as left out.
 */
class SameSessionSetupTest {
    private static final String NLS = "ALTER SESSION SET NLS_COMP=LINGUISTIC NLS_SORT=BINARY_AI";

    @TempDir
    Path folder;

    @Test
    void fingerprintTheWizardCheckAndTheRunReadTheDatabaseInTheAdminSchemaOnOracle() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.ORACLE, folder, Background.direct());
        String admin = fixture.wizard.runProperty().get().plan().users().admin();

        CliProcess.Result cli = CliProcess.inProcess("fingerprint", "--target", fixture.url, "--user", "sa",
                "--dbms", "oracle", "--schema", admin);
        TargetInspection.Facts checked = ConnectionCheck.inspect(fixture.url, "sa", new char[0], Dbms.ORACLE, admin);
        fixture.wizard.context().session(); // connects, runs the guards and journals the target's fingerprint
        String run = fixture.wizard.runProperty().get().journal().entries().stream()
                .filter(e -> e.event() == JournalEvent.TARGET_CHECKED).reduce((a, b) -> b).orElseThrow()
                .get("fingerprint");
        fixture.wizard.closeContext();

        assertEquals(0, cli.code(), cli.err());
        assertEquals("", cli.err());
        String fingerprint = cli.out().strip();
        assertTrue(fingerprint.endsWith("/" + admin), fingerprint);
        assertEquals("Connected: " + fingerprint + "; an OutSystems platform database",
                ConnectionCheck.describe(checked, Dbms.ORACLE, admin));
        assertEquals(fingerprint, run);
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void fingerprintTheWizardCheckAndTheRunRecordTheDialectsSetup(Dbms dbms) throws Exception {
        WizardFixture fixture = WizardFixture.started(dbms, folder, Background.direct());
        MigrationPlan plan = fixture.wizard.runProperty().get().plan();
        String schema = switch (dbms) {
            case SQLSERVER -> null;
            case ORACLE -> plan.users().admin();
        };

        // What FingerprintCommand and ConnectionCheck call.
        TargetSession.Setup probed = TargetProbe.inspect(fixture.url, "sa", new char[0], dbms, schema).setup();
        TargetSession.Setup wizardRun = fixture.wizard.context().session().sessionSetup();
        fixture.wizard.closeContext();
        TargetSession.Setup cliRun;
        try (TargetSession session = RunSession.openTarget(plan, fixture.url, "sa", new char[0])) {
            cliRun = session.setup();
        }

        // H2 is not the DBMS: the dialect's statements are recorded as left out, never sent.
        List<String> statements = Dialect.of(dbms).sessionSetup(plan.users().admin()).statements();
        assertEquals(List.of(), probed.ran());
        assertEquals(statements, probed.leftOut());
        assertEquals(probed, wizardRun, wizardRun.describe());
        assertEquals(probed, cliRun, cliRun.describe());
    }

    @Test
    void theOracleSetupSetsTheAdminSchemaAndNamesTheNlsSettings() throws Exception {
        WizardFixture fixture = WizardFixture.planned(Dbms.ORACLE, folder, Background.direct());

        TargetSession.Setup setup = TargetProbe.inspect(fixture.url, "sa", new char[0], Dbms.ORACLE, "OSADMIN")
                .setup();

        assertEquals(new TargetSession.Setup("OSADMIN", List.of(), List.of(NLS)), setup);
    }
}
