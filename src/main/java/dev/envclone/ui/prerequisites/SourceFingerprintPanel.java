package dev.envclone.ui.prerequisites;

import static dev.envclone.ui.manual.StepPageParts.text;

import dev.envclone.ui.common.ActionIcons.Action;
import dev.envclone.ui.common.ActionIcons;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The prerequisites page's Source database: URL, user and password, Test (reads the source's fingerprint, read-only)
 * and Record (journals it into the run). Alt+U, Alt+I, Alt+W reach the fields, Alt+T tests, Alt+R records. Enter in a
 * field does nothing: Record goes into the run's evidence, so only its button records, and Enter does not press
 * Next either, which would leave the typed connection behind untested.
 */
final class SourceFingerprintPanel {
    private final SourceFingerprintViewModel model;
    private final VBox view = new VBox(6);

    SourceFingerprintPanel(SourceFingerprintViewModel model) {
        this.model = model;
        build();
    }

    Node view() {
        return view;
    }

    private void build() {
        view.setId("prerequisites-source");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        row(form, 0, "Source _URL:", field(new TextField(), "prerequisites-source-url", model.urlProperty(),
                "jdbc:sqlserver://host:1433;databaseName=… (no password in it)"));
        row(form, 1, "Source log_in user:", field(new TextField(), "prerequisites-source-user", model.userProperty(),
                null));
        row(form, 2, "Source pass_word:", field(new PasswordField(), "prerequisites-source-password",
                model.passwordProperty(), "kept in memory for this session only"));
        Label urlMessage = text("prerequisites-source-url-message", "", "error-text");
        urlMessage.textProperty().bind(model.urlMessageProperty());
        urlMessage.visibleProperty().bind(urlMessage.textProperty().isNotEmpty());
        urlMessage.managedProperty().bind(urlMessage.visibleProperty());

        Button test = ActionIcons.on(new Button("_Test the source"), Action.CONNECT);
        test.setId("prerequisites-source-test");
        test.disableProperty().bind(model.canTestProperty().not());
        test.setOnAction(e -> model.test());
        Button record = ActionIcons.on(new Button("_Record as this run's source"), Action.RECORD);
        record.setId("prerequisites-source-record");
        record.setDefaultButton(false);
        record.disableProperty().bind(model.canRecordProperty().not());
        record.setOnAction(e -> model.record());
        HBox buttons = new HBox(8, test, record);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label result = text("prerequisites-source-result", "", null);
        result.textProperty().bind(model.resultProperty());
        result.visibleProperty().bind(result.textProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        Runnable style = () -> {
            result.getStyleClass().removeAll("ok-text", "error-text");
            result.getStyleClass().add(model.resultOkProperty().get() ? "ok-text" : "error-text");
        };
        model.resultOkProperty().addListener((o, a, b) -> style.run());
        model.resultProperty().addListener((o, a, b) -> style.run());
        style.run();
        Label state = text("prerequisites-source-state", "", null);
        state.textProperty().bind(model.stateProperty());

        view.getChildren().addAll(text(null, "Source database", "section-title"),
                text(null, "Reads the source's fingerprint (read-only: nothing is changed there) and records it in "
                        + "this run, so that the run refuses the source as its target. Escape cancels a test under "
                        + "way.", "hint"),
                state, form, urlMessage, buttons, result);
    }

    private static void row(GridPane form, int index, String caption, TextField field) {
        Label label = new Label(caption);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.addRow(index, label, field);
    }

    private static TextField field(TextField field, String id, StringProperty value, String prompt) {
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        if (prompt != null) {
            field.setPromptText(prompt);
        }
        field.setMaxWidth(Double.MAX_VALUE);
        // Enter does nothing here: not Record, not the window's Next.
        field.setOnAction(javafx.event.Event::consume);
        return field;
    }
}
