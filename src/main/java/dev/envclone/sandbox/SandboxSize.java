package dev.envclone.sandbox;

/** How big a rehearsal database is: small for a walk-through, large to rehearse the timing of a real factory. */
public enum SandboxSize {
    SMALL(40, 2_000),
    LARGE(5_000, 200_000);

    private final int espaces;
    private final int siteProperties;

    SandboxSize(int espaces, int siteProperties) {
        this.espaces = espaces;
        this.siteProperties = siteProperties;
    }

    /** Modules (ossys_Espace rows), the system ones included. */
    public int espaces() {
        return espaces;
    }

    /** Site property rows, split between OSSYS_SITE_PROPERTY and OSSYS_SITE_PROPERTY_SHARED. */
    public int siteProperties() {
        return siteProperties;
    }
}
