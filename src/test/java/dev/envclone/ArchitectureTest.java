package dev.envclone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: cli -> engine <- ui. The engine never sees JavaFX, the wizard or the CLI. */
class ArchitectureTest {
    private static final String[] ENGINE = {"dev.envclone.procedure..", "dev.envclone.sql..", "dev.envclone.db..",
        "dev.envclone.run..", "dev.envclone.clone..", "dev.envclone.remote..", "dev.envclone.report..",
        "dev.envclone.sandbox..", "dev.envclone.files.."};

    private final JavaClasses classes = new ClassFileImporter()
            // Main classes only, wherever the build directory is (-Denvclone.buildDir).
            .withImportOption(location -> !location.contains("/test-classes/"))
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.envclone");

    @Test
    void engineImportsNoUserInterfaceLibrary() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.dlsc..")
                .check(classes);
    }

    @Test
    void engineDoesNotDependOnItsFaces() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("dev.envclone.ui..", "dev.envclone.cli..")
                .check(classes);
    }

    @Test
    void theFacesDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("dev.envclone.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.envclone.ui..").check(classes);
        noClasses().that().resideInAPackage("dev.envclone.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.envclone.cli..").check(classes);
    }

    @Test
    void writingFilesKnowsNothingOfWhatIsWritten() {
        noClasses().that().resideInAPackage("dev.envclone.files..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.envclone.procedure..", "dev.envclone.sql..",
                        "dev.envclone.db..", "dev.envclone.run..", "dev.envclone.clone..", "dev.envclone.report..",
                        "dev.envclone.sandbox..")
                .check(classes);
    }

    @Test
    void sqlKnowsNothingOfPlansOrSteps() {
        noClasses().that().resideInAPackage("dev.envclone.sql..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.envclone.procedure..", "dev.envclone.run..",
                        "dev.envclone.db..", "dev.envclone.clone..")
                .check(classes);
    }
}
