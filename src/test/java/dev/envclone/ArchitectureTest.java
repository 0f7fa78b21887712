package dev.envclone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.envclone.db.JdbcUrlTarget;
import dev.envclone.db.TargetDatabase;
import dev.envclone.db.TargetSession;
import dev.envclone.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: cli -> engine <- ui. The engine never sees JavaFX, the wizard or the CLI. The faces
 * open no JDBC connection; every DBMS difference is in the dialect classes, and elsewhere a choice by DBMS is an
 * exhaustive switch expression, so that a new {@code Dbms} constant fails to compile until every choice handles it.
 */
class ArchitectureTest {
    private static final String[] ENGINE = {"dev.envclone.procedure..", "dev.envclone.sql..", "dev.envclone.db..",
        "dev.envclone.run..", "dev.envclone.clone..", "dev.envclone.remote..", "dev.envclone.report..",
        "dev.envclone.sandbox..", "dev.envclone.files..", "dev.envclone.json.."};

    private final JavaClasses classes = new ClassFileImporter()
            // Main classes only, wherever the build directory is (-Denvclone.buildDir).
            .withImportOption(location -> !location.contains("/test-classes/"))
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.envclone");

    @Test
    void engineImportsNoUserInterfaceLibrary() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.dlsc..", "atlantafx..")
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
    void jsonKnowsNothingOfWhatItReads() {
        noClasses().that().resideInAPackage("dev.envclone.json..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.envclone.procedure..", "dev.envclone.sql..",
                        "dev.envclone.db..", "dev.envclone.run..", "dev.envclone.clone..", "dev.envclone.remote..",
                        "dev.envclone.report..", "dev.envclone.sandbox..", "dev.envclone.files..",
                        "dev.envclone.log..", "dev.envclone.ui..", "dev.envclone.cli..")
                .check(classes);
        // databind is a test dependency (decision 0029): main code reads and writes JSON with jackson-core only.
        noClasses().should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..")
                .check(classes);
    }

    @Test
    void sqlKnowsNothingOfPlansOrSteps() {
        noClasses().that().resideInAPackage("dev.envclone.sql..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.envclone.procedure..", "dev.envclone.run..",
                        "dev.envclone.db..", "dev.envclone.clone..")
                .check(classes);
    }

    @Test
    void theFacesNameNoJdbcType() {
        noClasses().that().resideInAnyPackage("dev.envclone.ui..", "dev.envclone.cli..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(classes);
    }

    @Test
    void theFacesImportNoJdbcType() throws IOException {
        // The class files cannot show an import that only a catch clause or a Javadoc link uses; the sources can.
        List<String> found = new ArrayList<>();
        for (String face : List.of("ui", "cli")) {
            for (Path file : sources(MAIN.resolve(face))) {
                if (Files.readString(file, StandardCharsets.UTF_8).contains("java.sql.")) {
                    found.add(MAIN.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), found, "java.sql named in the user interface or the CLI");
    }

    @Test
    void onlyTheTargetSessionOpensATargetConnection() {
        // Sandbox creates the rehearsal database file itself, before any target session can reach it.
        noClasses().that().doNotBelongToAnyOf(TargetSession.class, TargetDatabase.class,
                        JdbcUrlTarget.class, Sandbox.class)
                .should().accessClassesThat().belongToAnyOf(DriverManager.class)
                .check(classes);
        noClasses().that().doNotBelongToAnyOf(TargetSession.class, TargetDatabase.class,
                        JdbcUrlTarget.class)
                .should().callMethod(TargetDatabase.class, "open")
                .check(classes);
    }

    /** The dialect classes, where every DBMS difference lives. */
    private static final List<String> DIALECTS = List.of("sql/Dialect.java", "sql/SqlServerDialect.java",
            "sql/OracleDialect.java");


    /** A comparison with a DBMS constant, on either side, or an is-this-DBMS helper. */
    private static final Pattern DBMS_TEST = Pattern.compile("[=!]=\\s*(?:Dbms\\s*\\.\\s*)?(?:SQLSERVER|ORACLE)\\b"
            + "|\\b(?:Dbms\\s*\\.\\s*)?(?:SQLSERVER|ORACLE)\\s*(?:[=!]=|\\?)"
            + "|\\.equals\\(\\s*Dbms\\s*\\.|\\bis(?:Oracle|SqlServer)\\s*\\(");

    private static final Pattern SWITCH = Pattern.compile("\\bswitch\\s*\\(");
    private static final Pattern CASE_LABELS = Pattern.compile("\\bcase\\s+([A-Z_][A-Z0-9_]*(?:\\s*,\\s*[A-Z_][A-Z0-9_]*)*)");

    @Test
    void choicesByDbmsOutsideTheDialectsAreExhaustiveSwitchExpressions() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources(MAIN)) {
            String name = MAIN.relativize(file).toString().replace('\\', '/');
            if (DIALECTS.contains(name)) {
                continue;
            }
            String code = codeOnly(Files.readString(file, StandardCharsets.UTF_8));
            Matcher test = DBMS_TEST.matcher(code);
            while (test.find()) {
                found.add(name + ":" + line(code, test.start()) + ": a ternary or if on a DBMS constant ("
                        + test.group().strip() + "): use an exhaustive switch expression over Dbms, or the dialect");
            }
            Matcher start = SWITCH.matcher(code);
            while (start.find()) {
                String problem = dbmsSwitchProblem(code, start.start());
                if (problem != null) {
                    found.add(name + ":" + line(code, start.start()) + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), found, String.join("\n", found));
    }

    @Test
    void theDbmsRuleFindsWhatItForbids() {
        // The rule's own check, on the forms it exists to catch and the forms it must let through.
        assertTrue(DBMS_TEST.matcher("x = dbms == Dbms.SQLSERVER ? a : b;").find());
        assertTrue(DBMS_TEST.matcher("if (Dbms.ORACLE != plan.dbms()) {").find());
        assertTrue(DBMS_TEST.matcher("if (plan.dbms().equals(Dbms.ORACLE)) {").find());
        assertTrue(DBMS_TEST.matcher("if (isOracle(plan)) {").find());
        assertFalse(DBMS_TEST.matcher("return this == ORACLE_IDENTIFIER ? a : b;").find());
        assertFalse(DBMS_TEST.matcher("private static final Dialect ORACLE = Dialect.of(Dbms.ORACLE);").find());
        String statement = codeOnly("void f(Dbms d) {\n    switch (d) {\n        case SQLSERVER -> a();\n"
                + "        case ORACLE -> b();\n    }\n}");
        assertTrue(dbmsSwitchProblem(statement, statement.indexOf("switch")).contains("statement"));
        String withDefault = codeOnly("int f(Dbms d) {\n    return switch (d) {\n        case SQLSERVER -> 1;\n"
                + "        default -> 2;\n    };\n}");
        assertTrue(dbmsSwitchProblem(withDefault, withDefault.indexOf("switch")).contains("default"));
        String expression = codeOnly("int f(Dbms d) {\n    return switch (d) {\n        case SQLSERVER -> 1;\n"
                + "        case ORACLE -> 2;\n    };\n}");
        assertEquals(null, dbmsSwitchProblem(expression, expression.indexOf("switch")));
        String flag = codeOnly("void f(Dbms d) {\n    boolean sqlServer = switch (d) {\n"
                + "        case SQLSERVER -> true;\n        case ORACLE -> false;\n    };\n}");
        assertTrue(dbmsSwitchProblem(flag, flag.indexOf("switch")).contains("true or false"));
        String driver = codeOnly("int f(Driver d) {\n    switch (d) {\n        case SQLSERVER: case H2: return 1;\n"
                + "        default: return 2;\n    }\n}");
        assertEquals(null, dbmsSwitchProblem(driver, driver.indexOf("switch")));
    }

    /**
     * Why the switch at {@code at} breaks the rule, or null. A switch over Dbms is one whose labels are all DBMS
     * constants. Java 17 checks only switch expressions for exhaustiveness: a statement (one that starts after
     * {@code ;}, a brace or a label) or a {@code default} would let a new constant through silently.
     */
    static String dbmsSwitchProblem(String code, int at) {
        int open = code.indexOf('{', at);
        int depth = 0;
        int close = open;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                close = i;
                break;
            }
        }
        String body = topLevel(code.substring(open + 1, close));
        List<String> labels = new ArrayList<>();
        Matcher label = CASE_LABELS.matcher(body);
        while (label.find()) {
            for (String each : label.group(1).split(",")) {
                labels.add(each.strip());
            }
        }
        if (labels.isEmpty() || !List.of("SQLSERVER", "ORACLE").containsAll(labels)) {
            return null;
        }
        if (Pattern.compile("\\bdefault\\b").matcher(body).find()) {
            return "a switch over Dbms with a default: list every constant instead";
        }
        if (Pattern.compile("->\\s*(?:true|false)\\s*;").matcher(body).find()) {
            return "a switch over Dbms that yields true or false: a flag branched on later hides the choice; "
                    + "yield the value itself";
        }
        String before = code.substring(0, at).stripTrailing();
        char last = before.isEmpty() ? ';' : before.charAt(before.length() - 1);
        if (last == ';' || last == '{' || last == '}') {
            return "a switch statement over Dbms (Java 17 does not check it is exhaustive): make it an expression";
        }
        return null;
    }

    /** The text of a switch body without its nested blocks, so that an inner switch's labels are not counted. */
    private static String topLevel(String body) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The source with comments, string and character literals blanked (newlines kept, for line numbers). */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                out.append("\"\"");
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(c).append(c);
                i = j + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int line(String code, int offset) {
        return (int) code.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static final Path MAIN = Path.of(System.getProperty("basedir", ".")).resolve("src/main/java/dev/envclone");

    private static List<Path> sources(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
