package dev.envclone.procedure;

import java.util.List;

/** The six Oracle tablespaces the platform's creation scripts make, by role. */
public record Tablespaces(String system, String index, String user, String logSystem, String logIndex,
                          String logUser) {

    public static Tablespaces defaults() {
        return new Tablespaces("OSSYS", "OSIDX", "OSUSR", "OSSYS_LOG", "OSIDX_LOG", "OSUSR_LOG");
    }

    public List<String> all() {
        return List.of(system, index, user, logSystem, logIndex, logUser);
    }
}
