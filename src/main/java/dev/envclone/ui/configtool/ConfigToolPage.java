package dev.envclone.ui.configtool;

import static dev.envclone.ui.manual.StepPageParts.text;

import com.dlsc.formsfx.model.structure.Field;
import com.dlsc.formsfx.model.structure.Form;
import com.dlsc.formsfx.model.structure.Group;
import com.dlsc.formsfx.model.structure.StringField;
import com.dlsc.formsfx.model.util.BindingMode;
import com.dlsc.formsfx.model.validators.CustomValidator;
import com.dlsc.formsfx.view.renderer.FormRenderer;
import dev.envclone.ui.common.ActionIcons.Action;
import dev.envclone.ui.common.ActionIcons;
import dev.envclone.ui.common.PageLayout;
import dev.envclone.ui.common.Prompts;
import dev.envclone.ui.common.WizardPage;
import dev.envclone.ui.manual.StepPageParts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A Configuration Tool step: the Platform, Log and Session tabs as read-only forms of what to type in the tool (this
 * step's tab selected), the sheet to print or save, and Mark done with a note: those in the page's actions bar.
 */
public final class ConfigToolPage implements WizardPage {
    private final ConfigToolViewModel model;
    private final PageLayout page;

    public ConfigToolPage(ConfigToolViewModel model) {
        this.model = model;
        this.page = new PageLayout("configtool", model.marks().title());
        build();
    }

    @Override
    public Node view() {
        return page.view();
    }

    @Override
    public void shown() {
        model.reload();
    }

    private void build() {
        TabPane tabs = new TabPane();
        tabs.setId("configtool-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (ConfigTab tab : model.tabs()) {
            tabs.getTabs().add(tab(tab));
        }
        tabs.getSelectionModel().select(model.selectedTab());
        page.add(text(null, "What to type in the Configuration Tool, tab by tab. The values come from the plan, "
                        + "checked when the run started, so they cannot be changed here. Passwords are typed only "
                        + "in the Configuration Tool. A value the plan does not have can be written in for the "
                        + "printed sheet; it is kept nowhere.", "hint"),
                tabs, sheetMessage(), PageLayout.section("Record"),
                StepPageParts.record("configtool", model.marks()));
        page.actionRow(sheetButtons());
        // Last: the form and its sheet come first; the command is the other way to apply them.
        model.unattendedCommand().ifPresent(command -> page.add(StepPageParts.unattended("configtool", command)));
        page.actions(tickRow());
    }

    private Tab tab(ConfigTab tab) {
        String key = tab.name().toLowerCase(Locale.ROOT);
        List<StringField> fields = new ArrayList<>();
        for (SheetField sheetField : tab.fields()) {
            fields.add(field(sheetField).id("configtool-" + key + "-" + fields.size()));
        }
        Form form = Form.of(Group.of(fields.toArray(new Field<?>[0]))).title(tab.name())
                .binding(BindingMode.CONTINUOUS);
        FormRenderer renderer = new FormRenderer(form);
        renderer.setId("configtool-form-" + key);
        VBox actions = StepPageParts.bullets(null, tab.step().details());
        VBox content = new TabContent(8, text(null, tab.step().instruction(), null), renderer, actions,
                text(null, "Document: " + tab.step().reference(), "hint"));
        content.setPadding(new Insets(10));
        Tab result = new Tab(tab.name(), content);
        result.setId("configtool-tab-" + key);
        return result;
    }

    private static StringField field(SheetField sheetField) {
        StringField field = Field.ofStringType(sheetField.valueProperty().get()).label(sheetField.label())
                .editable(sheetField.editable()).render(SheetTextControl::new);
        if (sheetField.editable()) {
            // What is typed, valid or not, so the sheet never prints an older valid value for an invalid entry.
            field.userInputProperty().bindBidirectional(sheetField.valueProperty());
            field.placeholder("not in the plan: write it in for the sheet, or leave it blank");
            // The rule's own message names the value and what to type instead; FormsFX shows it under the field.
            field.validate(value -> {
                String problem = sheetField.problem(value);
                return CustomValidator.<String>forPredicate(v -> problem == null, problem == null ? "" : problem)
                        .validate(value);
            });
        }
        return field;
    }

    private Node[] sheetButtons() {
        Button print = ActionIcons.on(new Button("_Print sheet…"), Action.PRINT);
        print.setId("configtool-print");
        print.setOnAction(e -> print());
        Button save = ActionIcons.on(new Button("Sa_ve sheet…"), Action.SAVE);
        save.setId("configtool-save");
        save.setOnAction(e -> {
            Path file = Prompts.saveAs(page.view(), model.sheetFileName());
            if (file != null) {
                model.save(file);
            }
        });
        return new Node[] {print, save};
    }

    private Label sheetMessage() {
        Label message = text("configtool-message", "", "hint");
        message.textProperty().bind(model.messageProperty());
        page.revealWhenSaid(message);
        return message;
    }

    private void print() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            model.noPrinter();
            return;
        }
        Node view = page.view();
        if (job.showPrintDialog(view.getScene() == null ? null : view.getScene().getWindow())) {
            model.print(new SheetPrinting(job));
        } else {
            job.cancelJob();
        }
    }

    private Node tickRow() {
        HBox row = StepPageParts.noteRow("configtool",
                "Optional: anything worth keeping (e.g. Test Connection results)", model.noteProperty(),
                model.canMarkProperty());
        // The button sits at the end of the note's row: "Note: [……] Mark done".
        row.getChildren().add(ActionIcons.on(StepPageParts.markButton("_Mark done", "configtool-tick",
                model.canMarkProperty(), model::tick), Action.DONE));
        return row;
    }
}
