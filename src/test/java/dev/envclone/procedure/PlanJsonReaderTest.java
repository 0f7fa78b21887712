package dev.envclone.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** plan.json read field by field reads what databind read from it, and names what a hand edit got wrong. */
class PlanJsonReaderTest {
    private static final ObjectMapper DATABIND = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"sqlserver-default", "sqlserver-custom", "oracle-default", "oracle-custom"})
    void readsTheGoldenPlansAsDatabindDid(String golden) throws Exception {
        String text = Files.readString(Path.of("src/test/resources/golden", golden, "plan.json"));
        assertEquals(DATABIND.readValue(text, PlanJson.PlanDocument.class), PlanJsonReader.read(text));
    }

    @Test
    void readsAPlanWithAnSshRouteRemapsAndNoSqlServerAsDatabindDid() throws Exception {
        String text = PlanJson.write(new PlanBuilder(Dbms.ORACLE).oracleSsh(new SshSettings("dbhost", 2222, "oracle",
                null, "/home/dba/.ssh/known_hosts")).build())
                .replace("\"schemaRemaps\" : [ ]", "\"schemaRemaps\" : [ {\"from\" : \"APP1\", \"to\" : \"APP1_QA\"} ]");
        PlanJson.PlanDocument read = PlanJsonReader.read(text);
        assertEquals(DATABIND.readValue(text, PlanJson.PlanDocument.class), read);
        assertEquals(List.of(new Remap("APP1", "APP1_QA")), read.plan().oracle().schemaRemaps());
    }

    @Test
    void namesAMisspeltFieldWithItsPath() throws Exception {
        assertEquals(List.of(file() + " is not a readable plan: unknown field \"prot\" in plan.oracle.ssh"),
                refusal(write(Dbms.ORACLE, true).replace("\"port\" : 22", "\"prot\" : 22")));
        assertEquals(List.of(file() + " is not a readable plan: unknown field \"comment\" in the top level"),
                refusal(write(Dbms.SQLSERVER, false).replace("\"format\" : 1", "\"format\" : 1, \"comment\" : \"x\"")));
    }

    @Test
    void namesAValueOfTheWrongKind() throws Exception {
        assertEquals(List.of(file() + " is not a readable plan: plan.oracle.dataPump.parallel must be a "
                + "whole number, not the text \"four\""),
                refusal(write(Dbms.ORACLE, false).replace("\"parallel\" : 1", "\"parallel\" : \"four\"")));
        assertEquals(List.of(file() + " is not a readable plan: plan.sqlServer.restore.recoveryModel is "
                + "\"BULK\", not one of SIMPLE, FULL, BULK_LOGGED"),
                refusal(write(Dbms.SQLSERVER, false).replace("\"recoveryModel\" : \"SIMPLE\"",
                        "\"recoveryModel\" : \"BULK\"")));
        assertEquals(List.of(file() + " is not a readable plan: plan.oracle.exportedSchemas is missing: "
                + "give a list, [] for none"),
                refusal(write(Dbms.ORACLE, false).replaceAll("\"exportedSchemas\" : \\[[^]]*\\],", "")));
    }

    @Test
    void namesWhereTheTextStopsBeingJson() throws Exception {
        assertEquals(List.of(file() + " is not a readable plan: Duplicate field 'format' at line 3, column 11"),
                refusal("{\n  \"format\" : 1,\n  \"format\" : 1\n}"));
        assertEquals(List.of(file() + " is not a readable plan: it has no \"plan\" field"), refusal("{\"format\":1}"));
    }

    private String write(Dbms dbms, boolean ssh) {
        PlanBuilder builder = new PlanBuilder(dbms);
        if (ssh) {
            builder.oracleSsh(new SshSettings("dbhost", 22, "oracle", null, null));
        }
        return PlanJson.write(builder.build());
    }

    private Path file() {
        return folder.resolve("plan.json");
    }

    private List<String> refusal(String text) throws Exception {
        Files.writeString(file(), text);
        return assertThrows(PlanException.class, () -> PlanJson.read(file())).problems();
    }
}
