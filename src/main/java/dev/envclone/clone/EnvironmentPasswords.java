package dev.envclone.clone;

import dev.envclone.db.Secret;

/**
 * The passwords a clone action asks for, read from environment variables (the command line, and the wizard for
 * all but the source's, which it asks in its own field): set for the one command, never stored by envclone.
 */
public final class EnvironmentPasswords implements Passwords {

    @Override
    public Secret password(String forWhat, String variable) throws CloneFailedException {
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new CloneFailedException("No password for " + forWhat + ": set the environment variable "
                    + variable + " for this command (envclone reads it and stores it nowhere), then run again.",
                    "nothing was changed");
        }
        return Secret.of(value.toCharArray());
    }
}
