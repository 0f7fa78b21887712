package dev.envclone.ui.plan;

import java.util.List;

/**
 * Why the plan page's Next does not move on, in one line for beside the button (the bottom bar has room for a line
 * or two, the form for the whole list): the first wrong field with every rule it breaks, how many others are
 * wrong, or what the last Next found between the fields.
 */
final class RefusedNext {
    private RefusedNext() {
    }

    static String reason(boolean readOnly, boolean readingSource, List<String> invalidFields, String problems) {
        if (readOnly) {
            return "";
        }
        if (readingSource) {
            return "Next waits: the source is being read.";
        }
        if (!invalidFields.isEmpty()) {
            int others = invalidFields.size() - 1;
            return "Next is refused: " + invalidFields.get(0) + (others == 0 ? ""
                    : " (" + others + " more field" + (others == 1 ? " is" : "s are") + " marked on the page)");
        }
        if (problems != null && !problems.isEmpty()) {
            // "The plan cannot be used yet:" then one "• " line per problem: the first problem is the reason.
            List<String> lines = problems.lines().filter(l -> !l.isBlank()).toList();
            String first = lines.size() > 1 ? lines.get(1).replaceFirst("^• ", "") : lines.get(0);
            return "Next was refused: " + first + (lines.size() > 2 ? " (more under the form)" : "");
        }
        return "";
    }
}
