package dev.envclone.procedure;

import java.util.Locale;

/**
 * Parts of the procedure that apply only when the source environment has the feature. A plan includes all of them
 * unless the operator says otherwise: the document asks for every step, and a cleanup of something the clone does
 * not carry changes no row.
 */
public enum OptionalPart {
    MOBILE_APPS("mobile apps"),
    SECRET_SITE_PROPERTIES("secret site properties"),
    DEPLOYMENT_ZONES("selective deployment zones"),
    MULTIPLE_CATALOGS("multiple catalogs or schemas"),
    SAML("SAML authentication"),
    MANAGED_BY_LIFETIME("environment managed by LifeTime"),
    RUNNING_LIFETIME("environment running LifeTime"),
    EXTENSION_DB_CONNECTIONS("extensions with database connections");

    private final String description;

    OptionalPart(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The word used on the command line: {@code mobile-apps}, {@code saml}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OptionalPart fromCliName(String word) {
        for (OptionalPart part : values()) {
            if (part.cliName().equalsIgnoreCase(word.strip())) {
                return part;
            }
        }
        throw new IllegalArgumentException("unknown optional part '" + word + "': use one of "
                + java.util.Arrays.stream(values()).map(OptionalPart::cliName).toList());
    }
}
