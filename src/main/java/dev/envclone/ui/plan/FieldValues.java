package dev.envclone.ui.plan;

import dev.envclone.procedure.DatabaseFile;
import dev.envclone.procedure.PlanValidator;
import dev.envclone.procedure.Remap;
import dev.envclone.procedure.SshSettings;
import dev.envclone.sql.NameRule;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the plan page's fields that hold more than one name (logical files, application schemas), a number
 * (PARALLEL) or a target ({@code USER@HOST[:PORT]}) into what the plan builder takes, with the engine's rules: the
 * same parsers and rules as {@code envclone plan}, so a field's message and the command line's read alike.
 * Each method throws {@link IllegalArgumentException} (or the name rule's exception) with the message to show.
 */
final class FieldValues {
    private FieldValues() {
    }

    /** {@code NAME:D,NAME_log:L}, as {@code --files} takes it; each logical name by SQL Server's identifier rule. */
    static List<DatabaseFile> files(PlanField field, String text) {
        List<DatabaseFile> files = items(text).stream().map(DatabaseFile::parse).toList();
        for (DatabaseFile file : files) {
            NameRule.SQLSERVER_IDENTIFIER.check(field.fieldName(), file.logicalName());
        }
        if (files.stream().noneMatch(f -> !f.log()) || files.stream().noneMatch(DatabaseFile::log)) {
            throw new IllegalArgumentException(field.fieldName() + "s need at least one data file (:D) and one log "
                    + "file (:L), as RESTORE FILELISTONLY lists them, e.g. OUTSYSTEMS:D,OUTSYSTEMS_log:L");
        }
        return files;
    }

    /** {@code SOURCE[:TARGET],...}, as {@code --application-schema} takes each; every name an Oracle identifier. */
    static List<Remap> remaps(PlanField field, String text) {
        List<Remap> remaps = items(text).stream()
                .map(item -> item.contains(":") ? Remap.parse(item) : new Remap(item, item)).toList();
        for (Remap remap : remaps) {
            NameRule.ORACLE_IDENTIFIER.check(field.fieldName(), remap.from());
            NameRule.ORACLE_IDENTIFIER.check(field.fieldName(), remap.to());
        }
        return remaps;
    }

    static int parallel(String text) {
        String value = text == null ? "" : text.strip();
        if (!value.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("parallel '" + value + "' is not a number: give 1 to 64 (1 for "
                    + "Standard Edition)");
        }
        String problem = PlanValidator.parallelProblem(Integer.parseInt(value));
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return Integer.parseInt(value);
    }

    /** The SSH route, checked as the plan will check it; null when no target is given. */
    static SshSettings ssh(String target, String keyFile, String knownHosts) {
        if (target == null || target.isBlank()) {
            if (keyFile != null || knownHosts != null) {
                throw new IllegalArgumentException("SSH key file and known_hosts file belong to the SSH route: give "
                        + "USER@HOST[:PORT] in the SSH field too, or clear them");
            }
            return null;
        }
        SshSettings ssh = SshSettings.parse(target.strip(), keyFile, knownHosts);
        List<String> problems = PlanValidator.sshProblems(ssh);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return ssh;
    }

    /** A list as the field shows it: {@code A:D, B:L}. */
    static String join(List<?> items) {
        return items.stream().map(Object::toString).collect(Collectors.joining(","));
    }

    /** Comma-separated items, spaces around each ignored; none for an empty text. */
    private static List<String> items(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",", -1)).map(String::strip).toList();
    }
}
