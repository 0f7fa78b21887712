package dev.envclone.ui.cleanup;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * For a step whose statements come from the database (tables found by a query): the statements the last preview or
 * execution generated, each with its rows. A grid of wrapping labels rather than a table, so that it is as tall as
 * its rows at any text size. Hidden until there are some, since before a preview nobody knows them.
 */
final class StatementTable {
    private final Label title = new Label();
    private final GridPane grid = new GridPane();
    private final ObservableList<StatementRow> rows;

    StatementTable(CleanupViewModel model) {
        rows = model.statements();
        title.setId("cleanup-statements-title");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.textProperty().bind(model.statementsTitleProperty());

        grid.setId("cleanup-statements");
        grid.setHgap(16);
        grid.setVgap(4);
        ColumnConstraints number = new ColumnConstraints();
        ColumnConstraints statement = new ColumnConstraints();
        statement.setHgrow(Priority.ALWAYS);
        ColumnConstraints count = new ColumnConstraints();
        count.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().setAll(number, statement, count);
        rows.addListener((ListChangeListener<StatementRow>) change -> fill());
        fill();

        title.visibleProperty().bind(Bindings.isNotEmpty(rows));
        title.managedProperty().bind(title.visibleProperty());
        grid.visibleProperty().bind(title.visibleProperty());
        grid.managedProperty().bind(title.visibleProperty());
    }

    List<Node> nodes() {
        return List.of(title, grid);
    }

    private void fill() {
        grid.getChildren().clear();
        grid.addRow(0, header("#"), header("Statement"), header("Rows"));
        for (StatementRow row : rows) {
            Label sql = new Label(row.sql());
            sql.getStyleClass().add("sql");
            sql.setWrapText(true);
            sql.setId("cleanup-statement-" + row.number());
            Node cell = sql;
            if (row.note() != null) {
                Label note = new Label(row.note());
                note.setWrapText(true);
                note.setId("cleanup-statement-" + row.number() + "-note");
                cell = new VBox(2, note, sql);
            }
            grid.addRow(row.number(), new Label(String.valueOf(row.number())), cell,
                    new Label(String.valueOf(row.rows())));
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }
}
