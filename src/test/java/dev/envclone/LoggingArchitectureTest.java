package dev.envclone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Code logs through SLF4J; only dev.envclone.log knows the binding, and it is engine code like the rest. */
class LoggingArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.envclone");

    @Test
    void onlyTheLogPackageKnowsLogback() {
        noClasses().that().resideOutsideOfPackage("dev.envclone.log..")
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..").check(classes);
    }

    @Test
    void theLogPackageKnowsNeitherFaceNorJavaFx() {
        noClasses().that().resideInAPackage("dev.envclone.log..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.envclone.ui..", "dev.envclone.cli..",
                        "javafx..")
                .check(classes);
    }
}
