package dev.envclone.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.sql.Dbms;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every step of every variant of the procedure (both DBMS, both install paths, every optional part, the Oracle
 * revoke step) stands in a phase, and the phases come in the document's order: a step never belongs to an earlier
 * phase than the step before it, so the step list's headings appear once each, in order.
 */
class ProcedurePhaseTest {
    static Stream<Arguments> variants() {
        List<Arguments> all = new ArrayList<>();
        for (Dbms dbms : Dbms.values()) {
            for (InstallPath path : InstallPath.values()) {
                PlanBuilder builder = new PlanBuilder(dbms).installPath(path).parts(EnumSet.allOf(OptionalPart.class));
                if (dbms == Dbms.ORACLE) {
                    // A remapped schema brings the revoke step.
                    builder.oracleApplicationSchema(new Remap("APPDATA", "QA_APPDATA"));
                }
                all.add(Arguments.of(dbms, path, builder.build()));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void everyStepHasAPhaseAndThePhasesFollowTheDocumentsOrder(Dbms dbms, InstallPath path, MigrationPlan plan) {
        List<Step> steps = ProcedureCatalog.allSteps(plan);
        if (dbms == Dbms.ORACLE) {
            assertTrue(steps.stream().anyMatch(s -> s.id().equals("revoke-original-privileges")), "revoke listed");
        }
        ProcedurePhase before = ProcedurePhase.PREPARE;
        LinkedHashSet<ProcedurePhase> seen = new LinkedHashSet<>();
        for (Step step : steps) {
            assertTrue(step.phase().compareTo(before) >= 0, step.id() + " (" + step.phase().displayName()
                    + ") comes after a step of " + before.displayName());
            before = step.phase();
            seen.add(step.phase());
        }
        assertEquals(List.of(ProcedurePhase.values()), List.copyOf(seen), "every phase, in order");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void eachKindOfStepStandsInItsPhase(Dbms dbms, InstallPath path, MigrationPlan plan) {
        for (Step step : ProcedureCatalog.allSteps(plan)) {
            ProcedurePhase expected = switch (step.kind()) {
                case CLONE -> ProcedurePhase.CLONE;
                case CONFIGURATION_TOOL -> ProcedurePhase.INSTALL;
                case CLEANUP -> step.cleanup().afterInstall() ? ProcedurePhase.AFTER_INSTALL
                        : ProcedurePhase.CLEAN_UP;
                case MANUAL -> null;
            };
            if (expected != null) {
                assertEquals(expected, step.phase(), step.id());
            }
        }
        assertEquals(ProcedurePhase.PREPARE, phase(plan, "prerequisites"));
        assertEquals(ProcedurePhase.CLEAN_UP, phase(plan, "lifetime-unregister"));
        assertEquals(path == InstallPath.FRESH ? "install-prerequisites" : "stop-services",
                first(plan, ProcedurePhase.INSTALL), "the install path begins the install phase");
        assertEquals("upload-license", first(plan, ProcedurePhase.AFTER_INSTALL),
                "Service Center's first step begins what follows the install");
        assertEquals(ProcedurePhase.AFTER_INSTALL, phase(plan, "lifetime-register"));
    }

    private static ProcedurePhase phase(MigrationPlan plan, String id) {
        return ProcedureCatalog.allSteps(plan).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow()
                .phase();
    }

    private static String first(MigrationPlan plan, ProcedurePhase phase) {
        return ProcedureCatalog.allSteps(plan).stream().filter(s -> s.phase() == phase).findFirst().orElseThrow()
                .id();
    }
}
