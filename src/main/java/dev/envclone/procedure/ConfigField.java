package dev.envclone.procedure;

/**
 * One field of the Configuration Tool as the document names it.
 *
 * @param label the field as the operator sees it, e.g. "Admin user"
 * @param value the value from the plan, or null when the operator types it there (passwords always)
 */
public record ConfigField(String label, String value) {
    /** What a printed sheet shows for a field with no value from the plan. */
    public String shownValue() {
        return value == null ? "(type it in the Configuration Tool)" : value;
    }
}
