package dev.envclone.ui.plan;

import com.dlsc.formsfx.model.structure.BooleanField;
import com.dlsc.formsfx.model.structure.Element;
import com.dlsc.formsfx.model.structure.Field;
import com.dlsc.formsfx.model.structure.Form;
import com.dlsc.formsfx.model.structure.NodeElement;
import com.dlsc.formsfx.model.structure.PasswordField;
import com.dlsc.formsfx.model.structure.Section;
import com.dlsc.formsfx.model.structure.SingleSelectionField;
import com.dlsc.formsfx.model.structure.StringField;
import com.dlsc.formsfx.model.validators.CustomValidator;
import com.dlsc.formsfx.model.validators.Validator;
import dev.envclone.procedure.InstallPath;
import dev.envclone.procedure.OptionalPart;
import dev.envclone.sql.Dbms;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleListProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.converter.BooleanStringConverter;

/**
 * The plan page's FormsFX forms, bound to the view model. Each input's text is bound both ways to the view
 * model's property, so what the operator types (valid or not) is what the view model checks; the validator and the
 * message under the field both come from the view model, that is from the engine's name rules.
 */
final class PlanForms {
    private static final int HALF = 6;
    private static final int FULL = 12;

    private final PlanViewModel model;

    /** SQL Server: the source's users, which the security-context step drops from the clone. */
    static final List<PlanField> SOURCE_USERS = List.of(PlanField.SOURCE_ADMIN_USER, PlanField.SOURCE_RUNTIME_USER,
            PlanField.SOURCE_LOG_ADMIN_USER, PlanField.SOURCE_LOG_RUNTIME_USER);

    PlanForms(PlanViewModel model) {
        this.model = model;
    }

    Form environments() {
        return Form.of(section("Environments",
                text(PlanField.SOURCE_ENVIRONMENT, HALF), text(PlanField.TARGET_ENVIRONMENT, HALF),
                choice("plan-dbms", "_DBMS", Dbms.values(), model.dbmsProperty(), Dbms::displayName),
                choice("plan-path", "Install _path", InstallPath.values(), model.installPathProperty(),
                        PlanForms::pathWords)));
    }

    /** The database names of one DBMS: the form shown is swapped when the DBMS changes. */
    Form databaseNames(Dbms dbms) {
        List<Element> fields = new ArrayList<>();
        for (PlanField field : List.of(PlanField.ADMIN_USER, PlanField.RUNTIME_USER, PlanField.LOG_ADMIN_USER,
                PlanField.LOG_RUNTIME_USER)) {
            fields.add(text(field, HALF));
        }
        fields.addAll(switch (dbms) {
            case SQLSERVER -> java.util.stream.Stream.concat(SOURCE_USERS.stream().map(field -> text(field, HALF)),
                    java.util.stream.Stream.of(text(PlanField.SOURCE_CATALOG, HALF), text(PlanField.CATALOG, HALF),
                            text(PlanField.SERVER, FULL))).toList();
            case ORACLE -> oracleNames();
        });
        return Form.of(section("Database names", fields.toArray(new Element[0])));
    }

    private List<Element> oracleNames() {
        List<Element> fields = new ArrayList<>(List.of(text(PlanField.SERVER_INSTANCE, FULL)));
        for (PlanField field : List.of(PlanField.SYSTEM_TABLESPACE, PlanField.INDEX_TABLESPACE,
                PlanField.USER_TABLESPACE, PlanField.LOG_SYSTEM_TABLESPACE, PlanField.LOG_INDEX_TABLESPACE,
                PlanField.LOG_USER_TABLESPACE)) {
            fields.add(text(field, HALF));
        }
        return fields;
    }

    /** The clone's own settings of one DBMS: where the files go, which files and schemas, and how. */
    Form cloneSettings(Dbms dbms) {
        List<Element> fields = new ArrayList<>(switch (dbms) {
            case SQLSERVER -> List.of(text(PlanField.BACKUP_FOLDER, FULL), text(PlanField.DATA_FOLDER, HALF),
                    text(PlanField.LOG_FOLDER, HALF), text(PlanField.FILES, FULL), NodeElement.of(readFilesRow()),
                    text(PlanField.SOURCE_LOG_CATALOG, HALF), text(PlanField.LOG_CATALOG, HALF),
                    text(PlanField.LOG_FILES, FULL));
            case ORACLE -> List.of(text(PlanField.EXPORTED_ADMIN_USER, HALF),
                    text(PlanField.EXPORTED_RUNTIME_USER, HALF), text(PlanField.EXPORTED_LOG_ADMIN_USER, HALF),
                    text(PlanField.EXPORTED_LOG_RUNTIME_USER, HALF), text(PlanField.APPLICATION_SCHEMAS, FULL),
                    text(PlanField.APPLICATION_TABLESPACES, FULL), text(PlanField.DIRECTORY, HALF),
                    text(PlanField.DUMP_FILE, HALF), text(PlanField.PARALLEL, HALF),
                    text(PlanField.SSH_TARGET, FULL), text(PlanField.SSH_KEY, HALF),
                    text(PlanField.SSH_KNOWN_HOSTS, HALF));
        });
        Label hint = new Label(switch (dbms) {
            case SQLSERVER -> "Folders on the database servers: the backup folder must be reachable from both. "
                    + "Logical files: NAME:D for data, NAME:L for the log, comma-separated, as RESTORE FILELISTONLY "
                    + "lists them for the source's backup: typed, or read from a SQL Server source with \"Read "
                    + "files from the source\" (the restore checks them against the backup all the same). The log "
                    + "catalog fields are optional: leave them empty when the log lives in the platform catalog.";
            case ORACLE -> "Application schemas and tablespaces (optional): SOURCE or SOURCE:TARGET, "
                    + "comma-separated. Dump file: %U numbers the files, one per worker when the parallel degree is "
                    + "above 1 (Enterprise Edition). SSH target (optional): USER@HOST[:PORT]; with it, expdp and impdp "
                    + "run on the database host, checked against the known_hosts file (default ~/.ssh/known_hosts), "
                    + "with the key file or a password asked when needed and never saved; without it, the clone runs "
                    + "through DBMS_DATAPUMP over the database connection, or a DBA runs the generated files.";
        });
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        fields.add(NodeElement.of(hint));
        return Form.of(section(switch (dbms) {
            case SQLSERVER -> "Clone: backup and restore";
            case ORACLE -> "Clone: Data Pump export and import";
        }, fields.toArray(new Element[0])));
    }

    /** The button's label; its mnemonic is checked with the fields' (PlanCloneFieldsTest). */
    static final String READ_FILES = "Read files from t_he source";

    /** "Read files from the source" and what it said: fills both file fields, or says why not. */
    private Node readFilesRow() {
        Button read = new Button(READ_FILES);
        read.setId("plan-read-files");
        read.setMnemonicParsing(true);
        read.setMinWidth(Button.USE_PREF_SIZE);
        read.setOnAction(e -> model.readFilesFromSource());
        read.disableProperty().bind(model.canReadFilesProperty().not());
        Label said = new Label();
        said.setId("plan-read-files-result");
        said.setWrapText(true);
        said.textProperty().bind(model.sourceFilesResultProperty());
        said.getStyleClass().add("error-text");
        model.sourceFilesOkProperty().addListener((o, a, ok) -> {
            said.getStyleClass().removeAll("ok-text", "error-text");
            said.getStyleClass().add(ok ? "ok-text" : "error-text");
        });
        HBox.setHgrow(said, Priority.ALWAYS);
        said.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(12, read, said);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    Form optionalParts() {
        List<Element> boxes = new ArrayList<>();
        for (OptionalPart part : OptionalPart.values()) {
            BooleanField box = Field.ofBooleanType(model.partProperty(part).get())
                    .label("The source has " + part.description())
                    .span(HALF)
                    .render(new FormControls.Check("plan-part-" + part.cliName()));
            box.bind(model.partProperty(part));
            Bindings.bindBidirectional(box.userInputProperty(), model.partProperty(part),
                    new BooleanStringConverter());
            box.editableProperty().bind(model.readOnlyProperty().not());
            boxes.add(box);
        }
        return Form.of(section("Optional parts", boxes.toArray(new Element[0])));
    }

    /** The target connection stays editable after the run started: the password is typed again each session. */
    Form connection(Node testRow) {
        StringField url = Field.ofStringType("")
                .label("JDBC _URL")
                .placeholder("jdbc:sqlserver://host\\instance;databaseName=OUTSYSTEMS_CLONE or "
                        + "jdbc:oracle:thin:@host:1521/service")
                .span(FULL)
                .validate(engineRule(model::targetUrlProblem))
                .valueDescription(message("plan-target-url-message", model.targetUrlMessageProperty()))
                .render(new FormControls.Text("plan-target-url"));
        follow(url, model.targetUrlProperty());
        StringField user = Field.ofStringType("")
                .label(PlanField.TARGET_USER.label())
                .span(HALF)
                .validate(engineRule(value -> model.problemOf(PlanField.TARGET_USER, value)))
                .valueDescription(message(PlanField.TARGET_USER.id() + "-message",
                        model.messageProperty(PlanField.TARGET_USER)))
                .render(new FormControls.Text(PlanField.TARGET_USER.id()));
        follow(user, model.textProperty(PlanField.TARGET_USER));
        PasswordField password = Field.ofPasswordType("")
                .label("Pass_word")
                .span(HALF)
                .render(new FormControls.Password("plan-target-password"));
        password.bind(model.targetPasswordProperty());
        password.userInputProperty().bindBidirectional(model.targetPasswordProperty());
        StringField folder = Field.ofStringType("")
                .label("Run _folder")
                .span(FULL)
                .validate(engineRule(model::runFolderProblem))
                .valueDescription(message("plan-run-folder-message", model.runFolderMessageProperty()))
                .render(new FormControls.Text("plan-run-folder"));
        follow(folder, model.runFolderProperty());
        folder.editableProperty().bind(model.readOnlyProperty().not());
        Label hint = new Label("The password is kept in memory for this session only and never saved. Next "
                + "writes the plan, its scripts and the run's journal into the run folder.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        return Form.of(section("Target connection", url, user, password, NodeElement.of(testRow), folder,
                NodeElement.of(hint)));
    }

    /**
     * The source connection, optional: given, envclone runs the clone steps (reading the source, never changing it);
     * empty, a DBA runs the generated files. Editable after the run started, like the target's.
     */
    Form source() {
        StringField url = Field.ofStringType("")
                .label("Source _JDBC URL (optional)")
                .placeholder("empty: a DBA runs the clone with the generated files")
                .span(FULL)
                .validate(engineRule(model::sourceUrlProblem))
                .valueDescription(message("plan-source-url-message", model.sourceUrlMessageProperty()))
                .render(new FormControls.Text("plan-source-url"));
        follow(url, model.sourceUrlProperty());
        StringField user = Field.ofStringType("")
                .label("Source user")
                .span(HALF)
                .render(new FormControls.Text("plan-source-user"));
        follow(user, model.sourceUserProperty());
        PasswordField password = Field.ofPasswordType("")
                .label("Source password")
                .span(HALF)
                .render(new FormControls.Password("plan-source-password"));
        password.bind(model.sourcePasswordProperty());
        password.userInputProperty().bindBidirectional(model.sourcePasswordProperty());
        Label hint = new Label("With a source, envclone runs the clone steps itself: it reads the source and never "
                + "changes it, and the target may not exist yet (the rehearsal's target is created by its clone).");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        return Form.of(section("Source connection", url, user, password, NodeElement.of(hint)));
    }

    private StringField text(PlanField field, int span) {
        StringField text = Field.ofStringType("")
                .label(field.label())
                .span(span)
                .validate(engineRule(value -> model.problemOf(field, value)))
                .valueDescription(message(field.id() + "-message", model.messageProperty(field)))
                .render(new FormControls.Text(field.id()));
        follow(text, model.textProperty(field));
        text.editableProperty().bind(model.readOnlyProperty().not());
        return text;
    }

    private <V> SingleSelectionField<V> choice(String id, String label, V[] values, ObjectProperty<V> selection,
                                               Function<V, String> words) {
        SingleSelectionField<V> choice = Field.ofSingleSelectionType(
                        new SimpleListProperty<>(FXCollections.observableArrayList(values)), selection)
                .label(label)
                .span(HALF)
                .render(new FormControls.Choice<>(id, words));
        // The model is the only store: FormsFX's "changed since saved" marker would only flag every choice.
        choice.persist();
        choice.selectionProperty().addListener((o, before, now) -> choice.persist());
        choice.editableProperty().bind(model.readOnlyProperty().not());
        return choice;
    }

    /**
     * Binds a text field both ways: what is typed (valid or not) goes to the model, so the model checks exactly what
     * the operator sees; FormsFX's own "persistent" value follows the model too, so it marks no field as changed.
     */
    private static void follow(StringField field, StringProperty model) {
        field.bind(model);
        field.userInputProperty().bindBidirectional(model);
    }

    /** The install path as the operator chooses it; the document's heading is too long for the field. */
    private static String pathWords(InstallPath path) {
        return path == InstallPath.FRESH ? "Fresh installation" : "Reconfigure an existing installation";
    }

    /** FormsFX's validator with the engine's own message (a ValidationResult can only be made by a validator). */
    private static Validator<String> engineRule(Function<String, String> problem) {
        return value -> {
            String message = problem.apply(value == null ? "" : value);
            return CustomValidator.<String>forPredicate(v -> message == null, message == null ? "" : message)
                    .validate(value);
        };
    }

    /** The message under a field: always visible while the field is wrong, not only as a tooltip on focus. */
    private static Label message(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("error-text");
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Section section(String title, Element... elements) {
        return Section.of(elements).title(title).collapsible(false);
    }
}
