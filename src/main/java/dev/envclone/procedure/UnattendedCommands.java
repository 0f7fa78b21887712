package dev.envclone.procedure;

import java.util.ArrayList;
import java.util.List;

/**
 * The Configuration Tool and republish steps as OutSystems' unattended command lines, from the plan: what
 * {@code configuration-tool.cmd} runs and the Configuration Tool and republish pages show. Each command's syntax is
 * the one OutSystems documents (the {@link Command#source}); the database settings themselves stay in
 * {@code server.hsconf}, which the Configuration Tool sheet fills: they hold passwords envclone never writes.
 */
public final class UnattendedCommands {
    /** OutSystems' default folders for Platform Server 11 (the unattended-installation page's "Before you start"). */
    static final String PLATFORM_PATH = "C:\\Program Files\\OutSystems\\Platform Server";
    static final String COMMON_PATH = "C:\\Program Files\\Common Files\\OutSystems\\11.0";

    private static final String REFERENCE = "OutSystems 11 documentation, \"Configuration Tool Command Line "
            + "Reference\" (Setting Up OutSystems, Unattended Installation and Upgrade)";
    private static final String UNATTENDED = "OutSystems 11 documentation, \"Unattended Installation and Upgrade\"";
    private static final String OSPTOOL = "OutSystems 11 documentation, \"OSPTool Command Line Reference\"";

    /**
     * A value a command needs: typed when it runs. A secret is asked for hidden and never echoed or stored.
     *
     * @param variable the .cmd variable that holds it while the command runs
     * @param prompt what the operator is asked
     * @param placeholder how the documentation names it, as the pages show the command
     * @param suggestion what is offered when nothing is typed (never for a secret); null for none
     */
    public record Value(String variable, String prompt, String placeholder, boolean secret, String suggestion) {
    }

    /** A piece of a command line: literal text, or a value typed when it runs. */
    public record Part(String text, Value value) {
        static Part literal(String text) {
            return new Part(text, null);
        }

        static Part value(Value value) {
            return new Part(null, value);
        }
    }

    /**
     * One command line.
     *
     * @param steps the checklist steps it does, by id
     * @param title what it does, for the operator
     * @param folder where the tool is: {@link Folder#PLATFORM} or {@link Folder#COMMON}
     * @param program {@code ConfigurationTool.com} or {@code OSPTool.com}
     * @param source where OutSystems documents its syntax
     * @param notes what the operator must know before running it
     */
    public record Command(List<String> steps, String title, Folder folder, String program, List<Part> parts,
                          String source, List<String> notes) {
        public Command {
            steps = List.copyOf(steps);
            parts = List.copyOf(parts);
            notes = List.copyOf(notes);
        }

        /** The values it asks for, in order, each once. */
        public List<Value> values() {
            List<Value> values = new ArrayList<>();
            for (Part part : parts) {
                if (part.value() != null && !values.contains(part.value())) {
                    values.add(part.value());
                }
            }
            return values;
        }

        /** As the documentation writes it: placeholders for what is typed, e.g. {@code <session_db_admin_password>}. */
        public String display() {
            StringBuilder line = new StringBuilder(folder.placeholder + "\\" + program);
            for (Part part : parts) {
                line.append(' ').append(part.value() == null ? part.text() : part.value().placeholder());
            }
            return line.toString();
        }
    }

    /** The folders the tools are in, as the documentation names them and as configuration-tool.cmd sets them. */
    public enum Folder {
        PLATFORM("<platform_path>", "PLATFORM", PLATFORM_PATH),
        COMMON("<outsystems_common_path>", "COMMON", COMMON_PATH);

        final String placeholder;
        final String variable;
        final String defaultPath;

        Folder(String placeholder, String variable, String defaultPath) {
            this.placeholder = placeholder;
            this.variable = variable;
            this.defaultPath = defaultPath;
        }
    }

    private UnattendedCommands() {
    }

    private static List<Part> sqlServerSetupCredentials(MigrationPlan plan) {
        List<Part> parts = new ArrayList<>(List.of(
                Part.value(new Value("PLATFORM_DB_ADMIN_USER", "SQL Server administrative login for the platform "
                        + "database", "<platform_db_admin_username>", false, "sa")),
                Part.value(new Value("PLATFORM_DB_ADMIN_PASSWORD", "Password of that login",
                        "<platform_db_admin_password>", true, null))));
        if (plan.sqlServer() != null && plan.sqlServer().log() != null) {
            parts.add(Part.value(new Value("LOGGING_DB_ADMIN_USER", "SQL Server administrative login for the log "
                    + "database", "<logging_db_admin_username>", false, "sa")));
            parts.add(Part.value(new Value("LOGGING_DB_ADMIN_PASSWORD", "Password of that login",
                    "<logging_db_admin_password>", true, null)));
        }
        return parts;
    }

    /** The command that does the checklist step {@code stepId}, if one does. */
    public static java.util.Optional<Command> forStep(MigrationPlan plan, String stepId) {
        return forPlan(plan).stream().filter(c -> c.steps().contains(stepId)).findFirst();
    }

    public static List<Command> forPlan(MigrationPlan plan) {
        boolean fresh = plan.installPath() == InstallPath.FRESH;
        List<Command> commands = new ArrayList<>();
        List<Part> setup = new ArrayList<>();
        setup.add(Part.literal("/SetupInstall"));
        List<String> notes = new ArrayList<>(List.of("server.hsconf holds the target's database settings first: the "
                + "Configuration Tool sheet's Platform, Log and Session tabs, typed in the Configuration Tool (Save, "
                + "not Apply and Exit) or into a template made with " + "ConfigurationTool.com /GenerateTemplates."));
        // SQL Server: the credentials create or upgrade the platform (and a separate log) database's model, the
        // administrative login the sheet's Grant Permissions asks for, typically sa. Oracle: none.
        setup.addAll(switch (plan.dbms()) {
            case SQLSERVER -> sqlServerSetupCredentials(plan);
            case ORACLE -> List.<Part>of();
        });
        notes.addAll(switch (plan.dbms()) {
            case SQLSERVER -> List.<String>of();
            case ORACLE -> List.of("For Oracle, /SetupInstall takes no credentials: the users it uses are those in "
                    + "server.hsconf.");
        });
        setup.add(Part.literal("/RebuildSession"));
        setup.add(Part.value(new Value("SESSION_DB_ADMIN_USER", "Administrative user of the session database",
                "<session_db_admin_username>", false, switch (plan.dbms()) {
                    case SQLSERVER -> "sa";
                    case ORACLE -> null;
                })));
        setup.add(Part.value(new Value("SESSION_DB_ADMIN_PASSWORD", "Password of that user",
                "<session_db_admin_password>", true, null)));
        setup.add(Part.literal("/CreateUpgradeCacheInvalidationService"));
        List<String> steps = new ArrayList<>(List.of("config-tool-platform", "config-tool-log", "config-tool-session"));
        if (fresh) {
            setup.add(Part.literal("/InstallServiceCenter"));
            steps.add("install-service-center");
        } else {
            steps.add("apply-and-exit");
        }
        notes.add("No /SetPlatformServerAdminPassword: the restored database keeps the source's admin password, "
                + "which the next steps log in with.");
        commands.add(new Command(steps, fresh ? "Apply the database settings, rebuild the session database and "
                + "install Service Center" : "Apply the database settings and rebuild the session database",
                Folder.PLATFORM, "ConfigurationTool.com", setup,
                UNATTENDED + ", First install, 6. Run the Configuration Tool; " + REFERENCE,
                notes));
        commands.add(new Command(List.of("upload-license"), "Upload the new environment's license", Folder.PLATFORM,
                "ConfigurationTool.com",
                List.of(Part.literal("/UploadLicense"),
                        Part.value(new Value("LICENSE_FILE", "Path of the license file for this environment",
                                "<license_file>", false, null)),
                        Part.value(new Value("SERVICE_CENTER_ADMIN_USER", "Service Center administrator",
                                "<platform_server_admin_user>", false, "admin")),
                        Part.value(new Value("SERVICE_CENTER_ADMIN_PASSWORD", "Password of that administrator, as in "
                                + "the restored environment", "<platform_server_admin_password>", true, null))),
                REFERENCE + ", /UploadLicense",
                List.of("Service Center must be running. The unattended-installation page shows /UploadLicense with "
                        + "the file only; the command line reference requires the Service Center administrator's "
                        + "credentials, which this command gives (docs/deviations.md).")));
        commands.add(new Command(List.of("republish-factory"), "Republish the entire factory", Folder.COMMON,
                "OSPTool.com",
                List.of(Part.literal("/PublishFactory"),
                        Part.value(new Value("SERVICE_CENTER_HOST", "Service Center host name of this environment",
                                "<hostname>", false, "localhost")),
                        Part.value(new Value("SERVICE_CENTER_ADMIN_USER", "Service Center administrator",
                                "<username>", false, "admin")),
                        Part.value(new Value("SERVICE_CENTER_ADMIN_PASSWORD", "Password of that administrator, as in "
                                + "the restored environment", "<password>", true, null))),
                OSPTOOL + ", /PublishFactory; " + UNATTENDED + ", Upgrade, 7",
                List.of("Run it only once no configuration points to another environment (the application "
                        + "configurations step).")));
        return commands;
    }
}
