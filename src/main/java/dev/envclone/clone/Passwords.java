package dev.envclone.clone;

import dev.envclone.db.Secret;

/**
 * Asks for a password when a clone action needs one (the source login, the users the creation script makes, the
 * SSH account or key passphrase): the wizard shows a password field, the command line reads an environment
 * variable. Never stored, never written, never on a command line.
 */
@FunctionalInterface
public interface Passwords {

    /**
     * @param forWhat who or what the password is for, as the operator reads it: "Oracle user OSADMIN (created by
     *     create-users.sql)"
     * @param variable the environment variable the command line reads it from, e.g. {@code ENVCLONE_PASSWORD_OSADMIN}
     * @throws CloneFailedException when none is given: the message names the variable or the field to fill
     */
    Secret password(String forWhat, String variable) throws CloneFailedException;
}
