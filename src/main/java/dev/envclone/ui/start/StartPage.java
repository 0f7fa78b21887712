package dev.envclone.ui.start;

import dev.envclone.sql.Dbms;
import dev.envclone.ui.common.ActionIcons.Action;
import dev.envclone.ui.common.ActionIcons;
import dev.envclone.ui.common.TextSize;
import dev.envclone.ui.common.Theme;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** The first page: rehearse on the sandbox (one press of Enter), a new migration, or open a run folder. */
public final class StartPage {
    private final StartViewModel model;
    private final Runnable toMain;
    private final VBox view = new VBox(16);
    private final dev.envclone.ui.common.Subscriptions subscriptions = new dev.envclone.ui.common.Subscriptions();

    public StartPage(StartViewModel model, Runnable toMain) {
        this.model = model;
        this.toMain = toMain;
        build();
    }

    public Node view() {
        return view;
    }

    /** Leaving the start page: its listener on the wizard's text size goes with it. */
    public void close() {
        subscriptions.close();
    }

    /** Light or dark (Alt+T), applied to every window as soon as it is chosen. */
    private Node themeChoice() {
        subscriptions.listen(model.themeProperty(), (o, before, now) -> {
            if (now != null) {
                now.apply();
            }
        });
        return ChoiceRow.of("start-theme", "_Theme:", List.of(Theme.values()), Theme::key, Theme::displayName,
                model.themeProperty(), subscriptions);
    }

    private void build() {
        Label title = new Label("envclone");
        title.getStyleClass().add("start-title");
        Label intro = new Label("Migrate an OutSystems 11 environment using a database clone, step by step: plan, "
                + "prerequisites, clone, every cleanup script with a preview first, the Configuration Tool, the final "
                + "checklist and a signed report.");
        intro.setWrapText(true);

        Button rehearse = ActionIcons.on(new Button("_Rehearse on the sandbox"), Action.REHEARSE);
        rehearse.setId("start-rehearse");
        rehearse.setDefaultButton(true);
        rehearse.setOnAction(e -> {
            rehearse.setDisable(true);
            model.rehearse(toMain);
        });
        Button fresh = ActionIcons.on(new Button("New _migration"), Action.NEW_MIGRATION);
        fresh.setId("start-new");
        fresh.setOnAction(e -> model.newMigration(toMain));
        Button open = ActionIcons.on(new Button("_Open a run folder…"), Action.OPEN);
        open.setId("start-open");
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a run folder");
            File folder = chooser.showDialog(view.getScene().getWindow());
            if (folder != null) {
                model.open(folder.toPath(), m -> rehearse.setDisable(false), toMain);
            }
        });
        HBox buttons = new HBox(12, rehearse, fresh, open);
        VBox.setMargin(buttons, new Insets(8, 0, 0, 0));

        Label rehearseHelp = new Label("Rehearse: envclone makes a small database shaped like a production clone and "
                + "runs the whole procedure against it. Nothing outside it is touched.");
        rehearseHelp.setWrapText(true);
        rehearseHelp.getStyleClass().add("hint");

        Label message = new Label();
        message.setId("start-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("error-text");

        Node dbmsChoice = ChoiceRow.of("start-dbms", "_DBMS:", List.of(Dbms.values()), Dbms::cliName,
                Dbms::displayName, model.dbmsProperty(), subscriptions);
        Node textSize = ChoiceRow.<Number>of("start-text-size", TextSize.LABEL, List.copyOf(TextSize.PERCENTS),
                String::valueOf, percent -> percent + " %", model.textScaleProperty(), subscriptions);
        // A flow, not a row: at 150 % on a 1024-wide screen the three choices wrap rather than run off the page.
        FlowPane choices = new FlowPane(24, 12, dbmsChoice, textSize, themeChoice());
        view.getChildren().addAll(title, intro, choices, buttons, rehearseHelp);
        Path last = model.lastRun();
        if (last != null) {
            Button resume = ActionIcons.on(new Button("Resume the last run: " + last), Action.RESUME);
            resume.setId("start-resume");
            // A folder such as run_2 is a path, not a mnemonic: its underscore is shown and Alt+2 stays free.
            resume.setMnemonicParsing(false);
            resume.setOnAction(e -> model.open(last, m -> { }, toMain));
            view.getChildren().add(resume);
        }
        view.getChildren().add(message);
        view.setPadding(new Insets(32));
        view.setMaxWidth(900);
    }
}
