package dev.envclone.procedure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * configuration-tool.cmd: the {@link UnattendedCommands} as a Windows command file for the target's server. It asks
 * for every value when its command runs, each password hidden (PowerShell's {@code Read-Host -AsSecureString}, read
 * back through a pipe, never a command line of its own), keeps it only in the window's environment and clears it as
 * soon as the command has run. ConfigurationTool.com and OSPTool.com take passwords on their command line only: the
 * file says so, since an administrator of the server can see a running process's command line.
 *
 * <p>Not run here (no Windows on these machines): the golden files pin every line.
 */
public final class UnattendedScript {
    public static final String FILE = "configuration-tool.cmd";

    private UnattendedScript() {
    }

    public static String render(MigrationPlan plan) {
        List<UnattendedCommands.Command> commands = UnattendedCommands.forPlan(plan);
        List<String> lines = new ArrayList<>();
        lines.add("@echo off");
        lines.add("rem envclone: the Configuration Tool and republish steps of " + plan.sourceEnvironment() + " -> "
                + plan.targetEnvironment() + " (" + plan.dbms().displayName() + ", "
                + plan.installPath().documentSection() + "), as OutSystems' unattended commands.");
        lines.add("rem Run it on the target's Platform Server, in an elevated command prompt, one command at a time.");
        lines.add("rem");
        lines.add("rem Passwords: asked for when their command runs, hidden as you type, kept only in this window and");
        lines.add("rem cleared once the command has run; never in this file nor anywhere on disk. "
                + "ConfigurationTool.com");
        lines.add("rem and OSPTool.com take them on their command line only: while a command runs, an "
                + "administrator of");
        lines.add("rem this server can read them in the process list. Close the window when it is done.");
        lines.add("rem A password with a double quote in it cannot be passed on a command line and is refused.");
        lines.add("setlocal EnableExtensions DisableDelayedExpansion");
        lines.add("");
        lines.add("rem The default folders of Platform Server 11; change them if yours are elsewhere.");
        for (UnattendedCommands.Folder folder : UnattendedCommands.Folder.values()) {
            lines.add("set \"" + folder.variable + "=" + folder.defaultPath + "\"");
        }
        lines.add("if not exist \"%PLATFORM%\\ConfigurationTool.com\" (");
        lines.add("  echo ConfigurationTool.com is not in %PLATFORM%: set PLATFORM at the top of this file.");
        lines.add("  exit /b 2");
        lines.add(")");
        int number = 0;
        for (UnattendedCommands.Command command : commands) {
            number++;
            lines.add("");
            lines.add("rem " + number + ". " + command.title() + " (checklist: " + String.join(", ", command.steps())
                    + ")");
            lines.add("rem Syntax: " + command.source() + ":");
            lines.add("rem   " + command.display());
            for (String note : command.notes()) {
                lines.add("rem " + note);
            }
            lines.add("echo.");
            lines.add("echo " + number + ". " + command.title());
            lines.add("choice /c YN /m \"Run it now\"");
            lines.add("if errorlevel 2 goto :step" + (number + 1));
            for (UnattendedCommands.Value value : command.values()) {
                // A prompt goes into cmd's parenthesised blocks and a PowerShell single-quoted string.
                if (!value.prompt().matches("[A-Za-z0-9 ,.:/-]+")) {
                    throw new IllegalStateException("a prompt cmd and PowerShell cannot both quote: " + value.prompt());
                }
                lines.add(value.secret() ? "call :secret " + value.variable() + " \"" + value.prompt() + "\""
                        : "call :ask " + value.variable() + " \"" + value.prompt() + "\" \""
                        + (value.suggestion() == null ? "" : value.suggestion()) + "\"");
                lines.add("if errorlevel 1 goto :stopped");
            }
            StringBuilder line = new StringBuilder("\"%" + command.folder().variable + "%\\" + command.program()
                    + "\"");
            for (UnattendedCommands.Part part : command.parts()) {
                line.append(' ').append(part.value() == null ? part.text() : "\"%" + part.value().variable() + "%\"");
            }
            lines.add(line.toString());
            lines.add("set \"RESULT=%ERRORLEVEL%\"");
            Set<String> secrets = new LinkedHashSet<>();
            for (UnattendedCommands.Value value : command.values()) {
                if (value.secret()) {
                    secrets.add(value.variable());
                }
            }
            for (String secret : secrets) {
                lines.add("set \"" + secret + "=\"");
            }
            lines.add("if not \"%RESULT%\"==\"0\" (");
            lines.add("  echo " + command.program() + " ended with %RESULT%: read "
                    + (command.folder() == UnattendedCommands.Folder.PLATFORM
                    ? "C:\\Windows\\Temp\\ConfigurationTool.log"
                    : "its output above") + ", fix it and run this file again.");
            lines.add("  exit /b %RESULT%");
            lines.add(")");
            lines.add(":step" + (number + 1));
        }
        lines.add("echo.");
        lines.add("echo Done. Tick the steps in envclone (its checklist names them) and close this window.");
        lines.add("exit /b 0");
        lines.add("");
        lines.add(":stopped");
        lines.add("echo Nothing more was run.");
        lines.add("exit /b 3");
        lines.add("");
        lines.add("rem :ask VARIABLE \"prompt\" \"suggestion\": a value that may be shown (a user name, a file).");
        lines.add(":ask");
        lines.add("set \"%~1=\"");
        lines.add("if \"%~3\"==\"\" (set /p \"%~1=%~2: \") else (set /p \"%~1=%~2 [%~3]: \")");
        lines.add("if not defined %~1 if not \"%~3\"==\"\" set \"%~1=%~3\"");
        lines.add("if not defined %~1 (echo Nothing typed. & exit /b 1)");
        lines.add("exit /b 0");
        lines.add("");
        lines.add("rem :secret VARIABLE \"prompt\": hidden as typed; through a pipe, never on a command line of "
                + "its own.");
        lines.add("rem eol and delims empty: a password starting with ; or holding spaces is kept whole.");
        lines.add(":secret");
        lines.add("set \"%~1=\"");
        lines.add("for /f usebackq^ delims^=^ eol^= %%p in (`powershell -NoProfile -Command \"$s = Read-Host "
                + "-AsSecureString '%~2'; $p = [Runtime.InteropServices.Marshal]::PtrToStringBSTR("
                + "[Runtime.InteropServices.Marshal]::SecureStringToBSTR($s)); if ($p.Contains([char]34)) { exit 3 }; "
                + "[Console]::Out.Write($p)\"`) do set \"%~1=%%p\"");
        lines.add("if not defined %~1 (echo No password, or one with a double quote: nothing was run. & exit /b 1)");
        lines.add("exit /b 0");
        // CRLF: cmd.exe reads labels and long lines of an LF-only file wrongly.
        return String.join("\r\n", lines) + "\r\n";
    }
}
