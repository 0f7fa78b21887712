package dev.envclone.ui.prerequisites;

/**
 * One line of the live check's result.
 *
 * @param level whether it is good news, something to act on, or a fact to read
 * @param text what was found, in the operator's words
 */
public record Finding(Level level, String text) {
    /** How the page shows a finding. */
    public enum Level { OK, PROBLEM, INFO }

    static Finding ok(String text) {
        return new Finding(Level.OK, text);
    }

    static Finding problem(String text) {
        return new Finding(Level.PROBLEM, text);
    }

    static Finding info(String text) {
        return new Finding(Level.INFO, text);
    }
}
