package dev.envclone.ui.configtool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.procedure.MigrationPlan;
import dev.envclone.run.StepState;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.WizardFixture;
import dev.envclone.ui.common.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigToolViewModelTest {
    private static final String TYPE_IT = "(type it in the Configuration Tool)";

    @TempDir
    Path folder;

    @Test
    void sqlServerFreshPlatformTabHasTheRestoredCatalogReadOnlyAndNoPassword() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        ConfigToolViewModel model = new ConfigToolViewModel(fixture.wizard, fixture.item("config-tool-platform"));
        MigrationPlan plan = fixture.wizard.planProperty().get();

        assertEquals(List.of("Platform", "Log", "Session"), model.tabs().stream().map(ConfigTab::name).toList());
        SheetField catalog = field(model.tabs().get(0), "Catalog (the restored database)");
        assertEquals(plan.sqlServer().platform().catalog(), catalog.valueProperty().get());
        assertEquals(SheetField.Kind.PLAN, catalog.kind());
        assertFalse(catalog.editable());
        for (ConfigTab tab : model.tabs()) {
            for (SheetField field : tab.fields()) {
                if (field.label().toLowerCase(Locale.ROOT).contains("password")) {
                    assertEquals(SheetField.Kind.PASSWORD, field.kind(), field.label());
                    assertFalse(field.editable(), field.label() + " has no input");
                    assertEquals(TYPE_IT, field.valueProperty().get(), field.label());
                }
            }
        }
    }

    @Test
    void offersTheUnattendedCommandThatAppliesTheTabs() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        for (String step : java.util.List.of("config-tool-platform", "config-tool-log", "config-tool-session")) {
            String command = new ConfigToolViewModel(fixture.wizard, fixture.item(step)).unattendedCommand()
                    .orElseThrow().display();
            assertTrue(command.startsWith("<platform_path>\\ConfigurationTool.com /SetupInstall "
                    + "<platform_db_admin_username> <platform_db_admin_password> /RebuildSession"), command);
        }
    }

    @Test
    void selectsTheTabOfItsStep() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.ORACLE, folder, Background.direct());

        assertEquals(0, new ConfigToolViewModel(fixture.wizard, fixture.item("config-tool-platform")).selectedTab());
        assertEquals(1, new ConfigToolViewModel(fixture.wizard, fixture.item("config-tool-log")).selectedTab());
        assertEquals(2, new ConfigToolViewModel(fixture.wizard, fixture.item("config-tool-session")).selectedTab());
    }

    @Test
    void serverThePlanLacksIsTypedAndCheckedByTheServerRule() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        ConfigToolViewModel model = new ConfigToolViewModel(fixture.wizard, fixture.item("config-tool-platform"));
        SheetField server = field(model.tabs().get(0), "Server (host\\instance)");

        assertEquals(SheetField.Kind.OPERATOR, server.kind());
        assertTrue(server.editable());
        assertNull(server.problem("db01\\OUTSYSTEMS"));
        assertNull(server.problem(""), "blank is allowed: the sheet leaves a line to write on");
        assertNotNull(server.problem("db01; drop table x"));
        assertTrue(server.problem("db01 x").contains("host\\instance"), server.problem("db01 x"));
    }

    @Test
    void sheetHasEveryTabTheTypedServerAndNoPassword() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        ConfigToolViewModel model = new ConfigToolViewModel(fixture.wizard, fixture.item("config-tool-log"));
        fixture.wizard.targetPasswordProperty().set("Secret-Target-1");
        field(model.tabs().get(0), "Server (host\\instance)").valueProperty().set("db01\\OUTSYSTEMS");

        String sheet = model.sheetText();

        assertTrue(sheet.contains("## Platform tab"), sheet);
        assertTrue(sheet.contains("## Log tab"), sheet);
        assertTrue(sheet.contains("## Session tab"), sheet);
        assertTrue(sheet.contains("| Catalog (the restored database) | OUTSYSTEMS_CLONE |"), sheet);
        assertTrue(sheet.contains("| Server (host\\instance) | db01\\OUTSYSTEMS |"), sheet);
        assertTrue(sheet.contains("| Admin password | " + TYPE_IT + " |"), sheet);
        assertFalse(sheet.contains("Secret-Target-1"));
        Path out = folder.resolve("sheet.md");
        model.save(out);
        assertEquals(sheet, Files.readString(out));
    }

    @Test
    void tickWritesDoneWithTheOptionalNote() throws Exception {
        WizardFixture fixture = WizardFixture.started(Dbms.SQLSERVER, folder, Background.direct());
        ConfigToolViewModel model = new ConfigToolViewModel(fixture.wizard, fixture.item("config-tool-session"));
        model.noteProperty().set("Test Connection succeeded");

        model.tick();

        var state = fixture.wizard.runProperty().get().state();
        assertEquals(StepState.DONE, state.of("config-tool-session"));
        assertEquals("Test Connection succeeded", state.lastEntry("config-tool-session").get("note"));
        assertFalse(model.canMarkProperty().get());
    }

    private static SheetField field(ConfigTab tab, String label) {
        return tab.fields().stream().filter(f -> f.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(tab.name() + " has no field " + label + ": "
                        + tab.fields().stream().map(SheetField::label).toList()));
    }
}
