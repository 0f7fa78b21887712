package dev.envclone.procedure;

import dev.envclone.sql.Dbms;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of the two install paths, "Fresh installation" and "Reconfigure an installation", as the document
 * lays them out for each DBMS.
 */
final class InstallSteps {
    private InstallSteps() {
    }

    static List<Step> forPlan(MigrationPlan plan) {
        List<Step> steps = new ArrayList<>();
        boolean fresh = plan.installPath() == InstallPath.FRESH;
        Wording wording = Wording.of(plan.dbms(), fresh);
        if (fresh) {
            steps.add(manual(plan, ProcedurePhase.INSTALL, "install-prerequisites", "Install the pre-requirements",
                    "Install the platform server's pre-requirements as the OutSystems installation guide "
                            + "describes."));
            steps.add(manual(plan, ProcedurePhase.INSTALL, "install-platform-server",
                    wording.installTitle(),
                    "Run the Platform Server installer on the new single-node server."));
        } else {
            steps.add(manual(plan, ProcedurePhase.INSTALL, "stop-services", wording.stopServicesTitle(),
                    "In the Services console of the Administrative Tools, stop these OutSystems services:",
                    "OutSystems Scheduler", "OutSystems SMS Connector", "OutSystems Deployment",
                    "OutSystems Deployment Controller", "OutSystems Log"));
            steps.add(manual(plan, ProcedurePhase.INSTALL, "stop-iis", "Stop IIS", "In a command prompt: iisreset /stop"));
            steps.add(manual(plan, ProcedurePhase.INSTALL, "clear-share-bar", "Clear the share and BAR folders",
                    "Delete all contents of the share and BAR folders in the Platform Server installation "
                            + "folder."));
        }
        steps.add(configTool(plan, "config-tool-platform", "Configure the platform database",
                "In the Configuration Tool's " + wording.platformTab()
                        + " tab, point the platform at the restored " + wording.restored() + ":",
                ConfigToolSheet.platform(plan), databaseActions(wording)));
        steps.add(configTool(plan, "config-tool-log", "Configure the log database",
                "In the Log tab of the Configuration Tool, point the log at the restored "
                        + wording.restored() + ":",
                ConfigToolSheet.log(plan), databaseActions(wording)));
        List<String> sessionActions = new ArrayList<>(List.of(
                "Press Configure Session Database. An existing session database loses all its sessions."));
        sessionActions.add(fresh ? "Press Apply and Exit to apply all changes and exit."
                : "Don't close the Configuration Tool yet.");
        steps.add(configTool(plan, "config-tool-session", "Configure the platform session database",
                "In the Session tab of the Configuration Tool:", ConfigToolSheet.session(plan), sessionActions));
        if (fresh) {
            steps.add(manual(plan, ProcedurePhase.INSTALL, "install-service-center", "Install Service Center",
                    "When asked to install Service Center, choose Yes.",
                    "If asked to start the OutSystems Scheduler and SMS Connector services, answer No."));
        } else {
            steps.add(manual(plan, ProcedurePhase.INSTALL, "start-iis", "Start IIS", "In a command prompt: iisreset /start"));
            steps.add(manual(plan, ProcedurePhase.INSTALL, "apply-and-exit", "Apply the changes and exit",
                    "Press Apply and Exit in the Configuration Tool."));
        }
        steps.add(manual(plan, ProcedurePhase.AFTER_INSTALL, "upload-license", "Upload your new environment license",
                "In Service Center, Administration > Licensing: request a license for this environment"
                        + (fresh ? " (it has a different serial number)" : "") + " and upload it."));
        steps.add(manual(plan, ProcedurePhase.AFTER_INSTALL, "environment-purpose",
                "In Service Center, set the server to the desired purpose",
                "Log in to Service Center as admin with the restored environment's password. Administration > "
                        + "Environment Configuration: choose Development, Non-Production or Production.",
                "Set the Default DNS Name if it is not set; the same name as the environment name is "
                        + "strongly recommended (" + plan.targetEnvironment() + ")."));
        steps.add(Step.manual(ProcedurePhase.AFTER_INSTALL, "remove-extension-db-connections", "Remove the database connections from extensions",
                CleanupCatalog.DATABASE_CONNECTIONS.reference(plan.dbms(), plan.installPath()),
                "Each database connection's settings are saved in database-connections.md in the run folder (envclone "
                        + "wrote it when the run first opened its target). In Service Center, "
                        + "Factory > Extensions: for each extension with a database connection, open the Operation "
                        + "tab, set each logical database to (not configured) and apply.",
                "Left mapped, the next step fails with an integrity error on OSSYS_EXTENSION_DBCONNECTION.")
                .forPart(OptionalPart.EXTENSION_DB_CONNECTIONS));
        steps.add(cleanup(CleanupCatalog.DATABASE_CONNECTIONS, plan));
        // Not a step of the document, which says only to save the settings first (docs/deviations.md 38).
        steps.add(Step.manual(ProcedurePhase.AFTER_INSTALL, "recreate-database-connections",
                "Define the database connections again",
                DocRef.elsewhere("Deploy an Integration With an External Database",
                        "Define a Database Connection in the Quality environment"),
                "For each connection in database-connections.md in the run folder (saved before the cleanup deleted "
                        + "them): define it again for this environment, test it and map its extensions.",
                "Service Center, Administration > Database Connections > New Database Connection: the same name, "
                        + "this environment's server and credentials.",
                "Test: the user must list the tables and views and may create, read, update and delete on them; "
                        + "then Create.",
                "Map each extension's logical database to its connection (the extension's Operation tab, or the "
                        + "configuration link in a LifeTime deployment's warning banner).",
                "In LifeTime's deployment (Configure applications settings), enter each external entity's "
                        + "three-part Physical Table Name for this environment."));
        if (wording.developmentEnvironment()) {
            steps.add(manual(plan, ProcedurePhase.AFTER_INSTALL, "install-development-environment",
                    "Install Service Studio and Integration Studio",
                    "Run the Development Environment installer and follow the instructions on the screen."));
        }
        steps.add(manual(plan, ProcedurePhase.AFTER_INSTALL, "multiple-catalogs", "Multiple database schemas",
                "In Service Center, Administration > Database Catalogs: for each catalog listed, change its "
                        + "configuration to use the cloned catalog.").forPart(OptionalPart.MULTIPLE_CATALOGS));
        steps.add(manual(plan, ProcedurePhase.AFTER_INSTALL, "application-configuration", "Application configurations changes",
                "Check the effective value of each web reference (module details) and every site property "
                        + "holding a URL or value that points to another environment; update them.",
                "Cover any other application configuration stored in the database."));
        steps.add(manual(plan, ProcedurePhase.AFTER_INSTALL, "republish-factory", "Republish the entire factory",
                "Create a solution with all of the factory's components and publish it, so that every module is "
                        + "deployed to this application server."));
        steps.add(manual(plan, ProcedurePhase.AFTER_INSTALL, "start-services", "Start the remaining OutSystems services (optional)",
                "Once no configuration points to another environment, start the OutSystems Scheduler service.",
                "To keep timers from running here instead, leave the Scheduler stopped and disabled, or disable "
                        + "Execute Timers for this front-end in Service Center's front-end list."));
        return steps;
    }

    static Step cleanup(CleanupDefinition definition, MigrationPlan plan) {
        return new Step(definition.id(), definition.title(), StepKind.CLEANUP,
                definition.reference(plan.dbms(), plan.installPath()), definition.why(), List.of(),
                definition.part(), definition, List.of(),
                definition.afterInstall() ? ProcedurePhase.AFTER_INSTALL : ProcedurePhase.CLEAN_UP);
    }

    private static List<String> databaseActions(Wording wording) {
        List<String> actions = new ArrayList<>();
        if (wording.grantPermissions()) {
            actions.add("Press Grant Permissions and log in with the SQL Server administrative login (typically "
                    + "sa).");
        }
        actions.add("Press Test Connection for each login: each must succeed; otherwise review the credentials.");
        actions.add("Press " + wording.createButton() + ". Don't close the Configuration Tool yet.");
        return actions;
    }

    private static Step manual(MigrationPlan plan, ProcedurePhase phase, String id, String title, String instruction,
                               String... details) {
        return Step.manual(phase, id, title, DocRef.of(plan.dbms(), plan.installPath().documentSection(), title),
                instruction, details);
    }

    private static Step configTool(MigrationPlan plan, String id, String title, String instruction,
                                   List<ConfigField> fields, List<String> actions) {
        return new Step(id, title, StepKind.CONFIGURATION_TOOL,
                DocRef.of(plan.dbms(), plan.installPath().documentSection(), title), instruction, actions, null,
                null, fields, ProcedurePhase.INSTALL);
    }

    /**
     * How each part of the document words the install steps, and what only the SQL Server part has (Grant
     * Permissions, the development environment's installer). The Oracle fresh-installation part names the button
     * Create/Upgrade; the others Create/Update.
     */
    private record Wording(String installTitle, String stopServicesTitle, String platformTab, String restored,
                           String createButton, boolean grantPermissions, boolean developmentEnvironment) {
        static Wording of(Dbms dbms, boolean fresh) {
            return switch (dbms) {
                case SQLSERVER -> new Wording("Install OutSystems Platform Server", "Stop the OutSystems Services",
                        fresh ? "Database" : "Platform", "catalog", "Create/Update Database", true, fresh);
                case ORACLE -> new Wording("Install the OutSystems platform", "Stop the OutSystems services",
                        "Platform", "schemas", fresh ? "Create/Upgrade Database" : "Create/Update Database", false,
                        false);
            };
        }
    }
}
