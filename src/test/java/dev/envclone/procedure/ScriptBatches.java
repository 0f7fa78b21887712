package dev.envclone.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a cleanup script into its steps as an operator would copy them: everything between a step's heading (the
 * ruled comment naming it) and the next heading, without the heading itself.
 */
final class ScriptBatches {
    private static final String RULE = "-- " + "-".repeat(76);
    private static final Pattern HEADING = Pattern.compile(
            Pattern.quote(RULE) + "\n-- Step (\\d+): ([^\n]*)\n-- Document: [^\n]*\n" + Pattern.quote(RULE) + "\n");

    /** One step of a script: its number and title as the heading gives them, and the text an operator copies. */
    record Batch(int number, String title, String text) {
        List<String> lines() {
            return List.of(text.split("\n", -1));
        }
    }

    private ScriptBatches() {
    }

    static List<Batch> cut(String script) {
        List<Batch> batches = new ArrayList<>();
        Matcher heading = HEADING.matcher(script);
        List<int[]> starts = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        while (heading.find()) {
            starts.add(new int[] {heading.start(), heading.end()});
            names.add(new String[] {heading.group(1), heading.group(2)});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : script.length();
            String text = script.substring(starts.get(i)[1], end).strip();
            batches.add(new Batch(Integer.parseInt(names.get(i)[0]), names.get(i)[1], text));
        }
        return batches;
    }
}
