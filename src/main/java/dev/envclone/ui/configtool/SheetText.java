package dev.envclone.ui.configtool;

import dev.envclone.procedure.MigrationPlan;
import java.util.List;

/** The Configuration Tool sheet as Markdown: what to type in each tab, then the buttons to press. */
final class SheetText {
    private SheetText() {
    }

    static String render(MigrationPlan plan, List<ConfigTab> tabs) {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration Tool sheet: ").append(plan.sourceEnvironment()).append(" → ")
                .append(plan.targetEnvironment()).append("\n\n");
        out.append(plan.dbms().displayName()).append(" · ").append(plan.installPath().documentSection())
                .append("\n\n");
        out.append("Passwords are not on this sheet: type each one in the Configuration Tool.\n");
        for (ConfigTab tab : tabs) {
            out.append("\n## ").append(tab.name()).append(" tab: ").append(tab.step().title()).append("\n\n");
            out.append(tab.step().instruction()).append("\n\n");
            out.append("| Field | Value |\n|---|---|\n");
            for (SheetField field : tab.fields()) {
                out.append("| ").append(cell(field.label())).append(" | ").append(cell(field.sheetValue()))
                        .append(" |\n");
            }
            out.append('\n');
            for (String action : tab.step().details()) {
                out.append("- ").append(action).append('\n');
            }
            out.append("\nDocument: ").append(tab.step().reference()).append('\n');
        }
        return out.toString();
    }

    /** A table cell: a '|' would end the cell early. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
