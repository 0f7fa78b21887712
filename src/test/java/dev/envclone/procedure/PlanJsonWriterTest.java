package dev.envclone.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.envclone.sql.Dbms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** plan.json as the streaming writer makes it is byte for byte what Jackson's databind wrote from the records. */
class PlanJsonWriterTest {
    private static final ObjectMapper DATABIND = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParameterizedTest
    @ValueSource(strings = {"sqlserver-default", "sqlserver-custom", "oracle-default", "oracle-custom"})
    void writesTheGoldenPlansAsDatabindDid(String golden) throws Exception {
        Path file = Path.of("src/test/resources/golden", golden, "plan.json");
        MigrationPlan plan = PlanJson.read(file);

        assertEquals(Files.readString(file), PlanJson.write(plan));
        assertEquals(databind(plan), PlanJson.write(plan));
    }

    @Test
    void writesAnSshRouteRemapsAndAbsentSettingsAsDatabindDid() throws Exception {
        MigrationPlan plan = new PlanBuilder(Dbms.ORACLE).oracleSsh(new SshSettings("dbhost.example.com", 2222,
                "oracle", null, "/home/dba/.ssh/known_hosts")).build();
        OracleSettings o = plan.oracle();
        MigrationPlan remapped = new MigrationPlan(plan.sourceEnvironment(), plan.targetEnvironment(), plan.dbms(),
                plan.installPath(), plan.users(), plan.parts(), null, new OracleSettings(o.serverInstance(),
                List.of("APP1", "APP2"), List.of(), List.of(new Remap("APP1", "APP1_QA")), o.tablespaceRemaps(),
                o.tablespaces(), o.dataPump(), "/u01/data", "OSSESSION", "OSSESSION_TS", "TEMP", o.ssh()),
                "h2:jdbc:h2:mem:x");

        assertEquals(databind(plan), PlanJson.write(plan));
        assertEquals(databind(remapped), PlanJson.write(remapped));
    }

    private static String databind(MigrationPlan plan) throws Exception {
        return DATABIND.writeValueAsString(new PlanJson.PlanDocument(PlanJson.FORMAT, plan)).replace("\r\n", "\n")
                + "\n";
    }
}
