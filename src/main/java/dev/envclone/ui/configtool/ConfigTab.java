package dev.envclone.ui.configtool;

import dev.envclone.procedure.Step;
import dev.envclone.sql.Dbms;
import java.util.List;

/**
 * One tab of the Configuration Tool (Platform, Log, Session) and the step that fills it in.
 *
 * @param name the tab's name as the page shows it
 * @param step the CONFIGURATION_TOOL step: its instruction, actions (details) and fields
 * @param fields the step's fields, as the sheet shows them
 */
public record ConfigTab(String name, Step step, List<SheetField> fields) {
    public ConfigTab {
        fields = List.copyOf(fields);
    }

    static ConfigTab of(Step step, Dbms dbms) {
        String suffix = step.id().replaceFirst("^config-tool-", "");
        String name = Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
        return new ConfigTab(name, step, step.fields().stream().map(f -> SheetField.of(f, dbms)).toList());
    }
}
