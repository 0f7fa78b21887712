package dev.envclone.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The renderer wraps any section in its dialect's step opening and closing, on the section's own target if any. */
class ScriptRendererTest {
    private static final Dialect.ScriptTarget PLATFORM = new Dialect.ScriptTarget("OS_QA", "QA_ADMIN");
    private static final Dialect.ScriptTarget LOG = new Dialect.ScriptTarget("OS_QA_LOG", "QA_ADMIN_LOG");

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void aSectionWithItsOwnTargetSetsUpAndGuardsThatTarget(Dbms dbms) {
        Dialect dialect = Dialect.of(dbms);
        String script = new ScriptRenderer(dialect, PLATFORM).render(List.of("header"), List.of(
                new ScriptSection("Step 1: On the platform", "doc", null, List.of(RowChange.delete("t1", null))),
                new ScriptSection("Step 2: On the log", "doc", null, List.of(RowChange.delete("t2", null)), LOG)));
        int second = script.indexOf("-- Step 2: On the log");
        String first = script.substring(0, second);
        String log = script.substring(second);

        assertTrue(first.contains(dialect.stepOpening(PLATFORM, "Step 1: On the platform")), first);
        assertTrue(log.contains(dialect.stepOpening(LOG, "Step 2: On the log")), log);
        assertFalse(log.contains("OS_QA]") || log.contains("OS_QA'") || log.contains("\"QA_ADMIN\""), log);
        assertEquals(2, script.split(java.util.regex.Pattern.quote(dialect.stepClosing()), -1).length - 1, script);
    }
}
