package dev.envclone.cli;

import dev.envclone.procedure.Tablespaces;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code --tablespace ROLE=NAME} options into {@link Tablespaces}, defaults for the roles not given. */
final class TablespaceRoles {
    static final String[] ROLES = {"system", "index", "user", "log-system", "log-index", "log-user"};

    private TablespaceRoles() {
    }

    static Tablespaces of(Map<String, String> given) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        Map<String, String> byRole = new HashMap<>();
        given.forEach((role, name) -> {
            if (!List.of(ROLES).contains(role)) {
                throw new IllegalArgumentException("tablespace role '" + role + "' is unknown: use one of "
                        + String.join(", ", ROLES));
            }
            byRole.put(role, name);
        });
        List<String> defaults = Tablespaces.defaults().all();
        String[] names = new String[ROLES.length];
        for (int i = 0; i < ROLES.length; i++) {
            names[i] = byRole.getOrDefault(ROLES[i], defaults.get(i));
        }
        return new Tablespaces(names[0], names[1], names[2], names[3], names[4], names[5]);
    }
}
