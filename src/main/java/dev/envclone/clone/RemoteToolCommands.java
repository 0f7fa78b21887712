package dev.envclone.clone;

import java.util.regex.Pattern;

/**
 * The exact shell commands the SSH route sends to the database host to run one tool (expdp, impdp or SQL*Plus;
 * POSIX {@code sh}; no Windows host). None holds a credential: users and passwords go to the tool's standard input
 * only. Pinned in {@code golden/ssh-datapump/}.
 *
 * <p>Everything envclone leaves on the host is in one folder of the account's home, {@code .envclone/<run>},
 * owner-only from its creation ({@code umask 077}: folders 700, files 600): the parameter file, the client's
 * process id, a copy of the client's output (for a recovery after envclone itself ended) and the client's exit
 * code. The client runs in the background of a small wrapper so that its process id is known (cancel sends it
 * TERM from a second channel: an SSH server need not honour a {@code signal} request, and closing a channel without
 * a terminal does not end the process) and its standard input is the channel's (a background job's input is
 * {@code /dev/null} unless redirected, POSIX "Asynchronous Lists": hence {@code 3<&0} and {@code <&3}). The
 * commands use only POSIX utilities ({@code tail -f}, {@code tail -c +N}, {@code kill -0}).
 */
final class RemoteToolCommands {
    /** SQL*Plus, logging in once ({@code -L}: no second prompt after a refused login) and silently. */
    static final String SQLPLUS = "sqlplus";
    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9_]{1,16}");

    private final String folder;
    private final String tool;

    /**
     * @param run the run's name, letters, digits and _ only (it is part of a folder and a job name)
     * @param tool {@code expdp}, {@code impdp} or {@link #SQLPLUS}
     */
    RemoteToolCommands(String run, String tool) {
        if (!RUN.matcher(run).matches()) {
            throw new IllegalArgumentException("The run name '" + run + "' is not 1 to 16 letters, digits or _");
        }
        this.folder = ".envclone/" + run;
        this.tool = tool;
    }

    String folder() {
        return folder;
    }

    /** Prints the tool's path, or exits 1 when it is not on the PATH of a non-interactive session. */
    String findTool() {
        return "command -v " + tool;
    }

    /** Creates the run's folder (and {@code .envclone}) owner-only, or makes them so. */
    String makeFolder() {
        return "umask 077 && mkdir -p '" + folder + "' && chmod 700 .envclone '" + folder + "'";
    }

    /** The file the tool runs: its parameter file, or for SQL*Plus the script. */
    String input() {
        return tool.equals(SQLPLUS) ? dev.envclone.procedure.CloneFiles.CREATE_USERS : tool + ".par";
    }

    /** Writes {@link #input()} from standard input, owner-only. */
    String upload() {
        return "umask 077 && cat > '" + folder + "/" + input() + "' && chmod 600 '" + folder + "/" + input() + "'";
    }

    /** The tool's command line: only the file it reads, never a user or a password. */
    private String invocation() {
        return tool.equals(SQLPLUS) ? "sqlplus -L -S" : tool + " PARFILE=" + input();
    }

    /**
     * Runs the tool with its parameter file. The tool writes its output to a file, never to the channel: if the
     * SSH connection ends (envclone or the network failed), the tool and the wrapper, which waits for it and then
     * writes its exit code, run on; only {@code tail -f}, which streams the file back, ends with the channel. The
     * process id notice goes to standard error so that standard output is exactly the file's bytes (see
     * {@link #rest}).
     */
    String run() {
        return "cd '" + folder + "' || exit 1; umask 077; rm -f " + tool + ".exit " + tool + ".pid; : > " + tool
                + ".out || exit 1; exec 3<&0; " + invocation() + " <&3 3<&- >> " + tool + ".out 2>&1 & pid=$!; "
                + "exec 3<&-; echo $pid > " + tool + ".pid; echo \"envclone: " + tool + " runs as process $pid\" >&2; "
                + "tail -n +1 -f " + tool + ".out & tailer=$!; wait $pid; code=$?; echo $code > " + tool + ".exit; "
                + "kill $tailer 2>/dev/null; exit $code";
    }

    /** The tool's output from byte {@code received} on: what {@code tail -f} had not sent when it was ended. */
    String rest(long received) {
        return "tail -c +" + (received + 1) + " '" + folder + "/" + tool + ".out'";
    }

    /** Ends the client (TERM); exits non-zero while it has not written its process id yet or is gone. */
    String kill() {
        return "kill -TERM \"$(cat '" + folder + "/" + tool + ".pid')\"";
    }

    /**
     * What a recovery can know: whether the client started (its process id file), its exit code if it ended, its
     * process id if it still runs, and its output.
     */
    String status() {
        return "cd '" + folder + "' 2>/dev/null && [ -f " + tool + ".pid ] || { echo 'envclone-started: no'; "
                + "exit 0; }; if [ -f " + tool
                + ".exit ]; then echo \"envclone-exit: $(cat " + tool + ".exit)\"; fi; if [ -f " + tool + ".pid ] && "
                + "kill -0 \"$(cat " + tool + ".pid)\" 2>/dev/null; then echo \"envclone-running: $(cat " + tool
                + ".pid)\"; fi; if [ -f " + tool + ".out ]; then cat " + tool + ".out; fi";
    }
}
