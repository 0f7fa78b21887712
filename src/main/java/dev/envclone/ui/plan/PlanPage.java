package dev.envclone.ui.plan;

import com.dlsc.formsfx.view.renderer.FormRenderer;
import dev.envclone.sql.Dbms;
import dev.envclone.ui.common.ActionIcons.Action;
import dev.envclone.ui.common.ActionIcons;
import dev.envclone.ui.common.PageLayout;
import dev.envclone.ui.common.WizardPage;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The plan: environments, DBMS and install path, the database names, the optional parts and the target
 * connection, each name checked at its field by the engine's rules. Next checks the whole plan and starts the run;
 * after that the plan is shown read-only.
 */
public final class PlanPage implements WizardPage {
    private final PlanViewModel model;
    private final PageLayout page = new PageLayout("plan", "Plan");
    private final VBox databaseNames = new VBox();
    private VBox sqlServerNames;
    private VBox oracleNames;

    public PlanPage(PlanViewModel model) {
        this.model = model;
        build();
        bind();
    }

    @Override
    public Node view() {
        return page.view();
    }

    @Override
    public boolean next() {
        return model.accept();
    }

    /** Next waits for every field to pass its rules (each field says what is wrong); a fixed plan only moves on. */
    @Override
    public javafx.beans.value.ObservableBooleanValue nextAllowed() {
        return model.validProperty().or(model.readOnlyProperty());
    }

    @Override
    public javafx.beans.value.ObservableStringValue nextRefusedReason() {
        return model.nextRefusedReasonProperty();
    }

    private void build() {
        PlanForms forms = new PlanForms(model);
        Label intro = new Label("Name the environments and the databases as the procedure will use them. Each "
                + "name is checked as you type, with the rules the generated scripts rely on; Next checks the "
                + "whole plan, writes it into the run folder with its scripts, and starts the run.");
        intro.setWrapText(true);
        intro.getStyleClass().add("hint");
        Label fixed = new Label();
        fixed.setId("plan-read-only");
        fixed.setWrapText(true);
        fixed.getStyleClass().add("hint");
        fixed.textProperty().bind(Bindings.createStringBinding(model::fixedPlanHint, model.readOnlyProperty()));
        fixed.visibleProperty().bind(model.readOnlyProperty());
        fixed.managedProperty().bind(fixed.visibleProperty());

        sqlServerNames = new VBox(new FormRenderer(forms.databaseNames(Dbms.SQLSERVER)),
                new FormRenderer(forms.cloneSettings(Dbms.SQLSERVER)));
        oracleNames = new VBox(new FormRenderer(forms.databaseNames(Dbms.ORACLE)),
                new FormRenderer(forms.cloneSettings(Dbms.ORACLE)));

        Label problems = new Label();
        problems.setId("plan-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("error-text");
        problems.textProperty().bind(model.problemsProperty());
        problems.visibleProperty().bind(model.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());

        // The forms sit close together: each FormsFX section brings its own margin.
        VBox sections = new VBox(new FormRenderer(forms.environments()), databaseNames,
                new FormRenderer(forms.optionalParts()), new FormRenderer(forms.connection(testRow())),
                new FormRenderer(forms.source()));
        page.add(intro, fixed, sections, problems);
        page.revealWhenSaid(problems);
    }

    private Node testRow() {
        Button test = ActionIcons.on(new Button("Test c_onnection"), Action.CONNECT);
        test.setId("plan-test-connection");
        test.setMnemonicParsing(true);
        test.setOnAction(e -> model.testConnection());
        test.disableProperty().bind(model.testingProperty());
        test.setMinWidth(Button.USE_PREF_SIZE);
        Label result = new Label();
        result.setId("plan-connection-result");
        result.setWrapText(true);
        result.textProperty().bind(model.connectionResultProperty());
        model.connectionOkProperty().addListener(o -> style(result));
        model.testingProperty().addListener(o -> style(result));
        style(result);
        HBox.setHgrow(result, Priority.ALWAYS);
        result.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(12, test, result);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void bind() {
        showNamesOf(model.dbmsProperty().get());
        model.dbmsProperty().addListener((o, before, now) -> showNamesOf(now));
    }

    /** Only the chosen DBMS's names are shown; both forms stay bound, so switching back keeps nothing stale. */
    private void showNamesOf(Dbms dbms) {
        databaseNames.getChildren().setAll(switch (dbms) {
            case SQLSERVER -> sqlServerNames;
            case ORACLE -> oracleNames;
        });
    }

    /** Green for a platform database, red for anything else, plain while connecting. */
    private void style(Label result) {
        result.getStyleClass().removeAll("ok-text", "error-text");
        if (!model.testingProperty().get()) {
            result.getStyleClass().add(model.connectionOkProperty().get() ? "ok-text" : "error-text");
        }
    }
}
