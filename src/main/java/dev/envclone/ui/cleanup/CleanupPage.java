package dev.envclone.ui.cleanup;

import dev.envclone.ui.common.ActionIcons.Action;
import dev.envclone.ui.common.ActionIcons;
import dev.envclone.ui.common.PageLayout;
import dev.envclone.ui.common.Prompts;
import dev.envclone.ui.common.SqlText;
import dev.envclone.ui.common.WizardPage;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * The review-and-execute pane of one cleanup step: what it does and why, the exact SQL, then Preview (count the
 * rows), Execute (after naming the target database), Skip, Done by DBA, Copy and Save. All state is the view
 * model's; the page asks the dialogs' questions and binds. The buttons sit in the page's actions bar; the SQL
 * wraps at the page's width; a preview's result comes into view under it.
 */
public final class CleanupPage implements WizardPage {
    private final CleanupViewModel model;
    private final PageLayout page;
    private final Node view;
    private final Button preview = ActionIcons.on(button("cleanup-preview", "_Preview"), Action.PREVIEW);

    public CleanupPage(CleanupViewModel model) {
        this.model = model;
        this.page = new PageLayout("cleanup", model.title());
        this.view = page.view();
        build();
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void shown() {
        model.refreshState();
        // Preview is the first thing to do on a step not yet finished; Enter stays with the window's Next.
        if (!preview.isDisabled()) {
            preview.requestFocus();
        }
    }

    private void build() {
        Label state = text("cleanup-state", "");
        state.textProperty().bind(model.stateTextProperty());
        Label whyTitle = PageLayout.section("What it does and why");
        Label why = text("cleanup-why", model.why());
        Label reference = text("cleanup-reference", model.reference());
        reference.getStyleClass().add("hint");

        SqlText sql = new SqlText("cleanup-sql");
        sql.textProperty().bind(model.sqlProperty());
        Label sqlTitle = text(null, "The S_QL envclone runs");
        sqlTitle.getStyleClass().add("section-title");
        sqlTitle.setMnemonicParsing(true);
        sqlTitle.setLabelFor(sql);

        Label blocked = text("cleanup-blocked", "");
        blocked.textProperty().bind(model.blockedTextProperty());
        blocked.getStyleClass().add("error-text");
        Label result = text("cleanup-result", "");
        result.textProperty().bind(model.resultTextProperty());
        Label error = text("cleanup-error", "");
        error.textProperty().bind(model.errorTextProperty());
        error.getStyleClass().add("error-text");
        Label notice = text("cleanup-notice", "");
        notice.textProperty().bind(model.noticeTextProperty());
        notice.getStyleClass().add("hint");

        page.add(state, whyTitle, why, reference, sqlTitle, sql, blocked, result, error, notice);
        if (model.dynamic()) {
            page.add(new StatementTable(model).nodes().toArray(new Node[0]));
        }
        for (Label label : new Label[] {blocked, result, error, notice}) {
            hideWhenEmpty(label);
            // What a Preview or Execute said comes into view under the SQL: no scrolling to find it.
            page.revealWhenSaid(label);
        }
        buttons();
    }

    private void buttons() {
        BooleanExpression locked = model.busyProperty().or(model.finishedProperty());
        preview.setOnAction(e -> model.preview());
        preview.disableProperty().bind(locked);
        Button execute = ActionIcons.on(button("cleanup-execute", "_Execute…"), Action.EXECUTE);
        execute.setOnAction(e -> {
            String title = "Execute step " + model.item().number();
            boolean confirmed = model.nameToBeTyped()
                    ? Prompts.confirmTyped(view, "cleanup-confirm", title, model.confirmationText(), "Execute",
                            "Type the target database's name to execute: " + model.targetDatabaseName()
                                    + "\n(exactly as shown, upper and lower case alike)", model::typedNameMatches)
                    : Prompts.confirm(view, "cleanup-confirm", title, model.confirmationText(), "Execute");
            if (confirmed) {
                model.execute();
            }
        });
        execute.disableProperty().bind(locked);
        Button skip = ActionIcons.on(button("cleanup-skip", "_Skip…"), Action.SKIP);
        skip.setOnAction(e -> Prompts.requiredText(view, "cleanup-skip", "Skip step " + model.item().number(),
                "Why is this step not needed? The reason goes into the journal and the report.")
                .ifPresent(model::skip));
        skip.disableProperty().bind(locked);
        Button dba = ActionIcons.on(button("cleanup-dba", "Done by _DBA…"), Action.DONE_BY_DBA);
        dba.setOnAction(e -> Prompts.dba(view, "cleanup-dba").ifPresent(n -> model.doneByDba(n.name(), n.note())));
        dba.disableProperty().bind(locked);
        // Only on an executed step: puts its rows back from the pre-images (the same typed confirmation).
        Button restore = ActionIcons.on(button("cleanup-restore", "_Restore…"), Action.RESTORE);
        restore.setOnAction(e -> {
            String title = "Restore step " + model.item().number();
            String text = "Put back the rows this step changed, from its pre-images, on "
                    + model.targetDatabaseName() + "? Refused if they changed since the step. The step is "
                    + "pending afterwards: Execute runs it again.";
            boolean confirmed = model.nameToBeTyped()
                    ? Prompts.confirmTyped(view, "cleanup-restore-confirm", title, text, "Restore",
                            "Type the target database's name to restore: " + model.targetDatabaseName()
                                    + "\n(exactly as shown, upper and lower case alike)", model::typedNameMatches)
                    : Prompts.confirm(view, "cleanup-restore-confirm", title, text, "Restore");
            if (confirmed) {
                model.restore();
            }
        });
        restore.visibleProperty().bind(model.restorableProperty());
        restore.managedProperty().bind(model.restorableProperty());
        restore.disableProperty().bind(model.busyProperty());
        Button copy = ActionIcons.on(button("cleanup-copy", "_Copy SQL"), Action.COPY);
        copy.setOnAction(e -> {
            Prompts.copy(model.sqlProperty().get());
            model.copied();
        });
        Button save = ActionIcons.on(button("cleanup-save", "S_ave SQL…"), Action.SAVE);
        save.setOnAction(e -> save());
        Button cancel = ActionIcons.on(button("cleanup-cancel", "Cancel"), Action.CANCEL);
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(model.busyProperty());
        if (model.standInOffered()) {
            // The rehearsal's stand-in for Service Center, first: the step is refused until it is done.
            // No icon: a wrapped button's text with a graphic beside it is measured one line short, and cut.
            Button standIn = button("cleanup-stand-in", "Unmap the connections as Service Center would (rehearsal)");
            standIn.setMnemonicParsing(false); // every letter is taken by the buttons beside it
            standIn.setOnAction(e -> model.standInForServiceCenter());
            standIn.disableProperty().bind(locked);
            // Its words are long: a row of its own, wrapping on a narrow page rather than cut off.
            standIn.setWrapText(true);
            standIn.setMaxWidth(Double.MAX_VALUE);
            page.actions(standIn);
        }
        page.actionRow(preview, execute, skip, dba, restore, copy, save, cancel);
    }

    private void save() {
        Path file = Prompts.saveAs(view, model.sqlFileName());
        if (file != null) {
            model.saveSql(file);
        }
    }

    private static Button button(String id, String text) {
        Button button = new Button(text);
        button.setId(id);
        button.setMnemonicParsing(true);
        return button;
    }

    private static Label text(String id, String value) {
        Label label = new Label(value);
        if (id != null) {
            label.setId(id);
        }
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    /** An empty message takes no room, so the page does not open with gaps. */
    private static void hideWhenEmpty(Label label) {
        label.managedProperty().bind(label.visibleProperty());
        label.visibleProperty().bind(Bindings.isNotEmpty(label.textProperty()));
    }
}
