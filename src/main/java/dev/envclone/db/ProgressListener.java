package dev.envclone.db;

/** Where long work reports how far it is; the wizard shows it, the command line prints it. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (message, done, total) -> { };

    /**
     * @param message what is being done now, e.g. "Statement 2 of 3: delete from ossys_server"
     * @param done units finished
     * @param total units in all
     */
    void progress(String message, int done, int total);
}
