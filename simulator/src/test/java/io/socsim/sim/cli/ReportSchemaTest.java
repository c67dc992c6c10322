package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.socsim.sim.Interrupts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real reports of every command that writes one satisfy schema/report.schema.json, which is strict enough to reject a misspelt or missing field. */
class ReportSchemaTest {

    private static final Path ROOT = CliRunner.repositoryRoot();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ReportSchemaTest.class.getResourceAsStream("/schema/report.schema.json")) {
            assertThat(in).as("schema/report.schema.json on the class path").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private JsonNode report(String name, String... args) throws IOException {
        Path json = tmp.resolve(name + ".json");
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--json";
        all[args.length + 1] = json.toString();
        CliRunner.run(all);
        assertThat(json).as(name + " wrote its report").exists();
        return JSON.readTree(json.toFile());
    }

    private static void assertValid(JsonNode report, String what) {
        Set<ValidationMessage> errors = schema.validate(report);
        assertThat(errors).as(what).isEmpty();
    }

    private static void assertInvalid(JsonNode report, String what) {
        assertThat(schema.validate(report)).as(what).isNotEmpty();
    }

    @Test
    void anElfRunOnTheClusterMatches() throws IOException {
        JsonNode cluster = report("cluster", "run", ROOT.resolve("tests/programs/cluster/elf/parallel_sum.elf").toString(),
                "--preset", "pulp-cluster", "--quiet");
        assertValid(cluster, "pulp-cluster ELF");
        ObjectNode extra = cluster.deepCopy();
        extra.put("cylces", 1);
        assertInvalid(extra, "a misspelt top-level field");
        ObjectNode noTotal = cluster.deepCopy();
        ((ObjectNode) noTotal.get("cores").get(0).get("cycles")).remove("total");
        assertInvalid(noTotal, "a core without its total");
        assertValid(report("ita", "run", ROOT.resolve("tests/programs/cluster/elf/ita_linear.elf").toString(),
                "--preset", "ita-cluster", "--set", "memory.l1.size=128KiB", "--quiet"), "ita-cluster ELF with ITA and energy");
    }

    @Test
    void anElfRunOnRv32BareMatches() throws IOException {
        assertValid(report("bare", "run", ROOT.resolve("tests/programs/elf/hello.elf").toString()), "rv32-bare ELF");
        assertValid(report("tohost", "run", ROOT.resolve("tests/programs/elf/tohost.elf").toString()), "rv32-bare tohost");
    }

    @Test
    void runsTheSimulatorStoppedMatch() throws IOException {
        assertValid(report("dead", "run", ROOT.resolve("tests/programs/cluster/elf/barrier_rounds.elf").toString(),
                "--preset", "pulp-cluster", "--set", "cores.count=16", "--quiet"), "deadlock");
        assertValid(report("limit", "run", ROOT.resolve("tests/programs/elf/sort.elf").toString(), "--max-cycles", "100"), "max-cycles");
        assertValid(report("mblimit", "run", "mobilebert", "--layers", "1", "--seq", "32", "--max-cycles", "200000", "--quiet"),
                "mobilebert cut by the cycle limit");
        Interrupts.request();
        try {
            assertValid(report("mbint", "reproduce", "--layers", "1"), "reproduce interrupted");
        } finally {
            Interrupts.clear();
        }
    }

    @Test
    void mobileBertMatches() throws IOException {
        assertValid(report("mb", "run", "mobilebert", "--layers", "1", "--quiet"), "run mobilebert --layers 1");
    }

    @Test
    void reproduceMatchesAndTheSchemaRejectsMisspeltMissingAndExtraFields() throws IOException {
        JsonNode good = report("repro", "reproduce", "--layers", "1", "--sensitivity");
        assertValid(good, "reproduce --layers 1 --sensitivity");

        ObjectNode missing = good.deepCopy();
        ((ObjectNode) missing.get("run")).remove("end");
        assertInvalid(missing, "run without its end record");

        ObjectNode misspelt = good.deepCopy();
        ObjectNode cycles = (ObjectNode) misspelt.get("run").get("cluster").get("cores").get(0).get("cycles");
        cycles.set("load_uses", cycles.remove("load_use"));
        assertInvalid(misspelt, "load_use misspelt in a core's accounts");

        ObjectNode extra = good.deepCopy();
        ((ObjectNode) extra.get("run").get("system")).put("l1_size", 1);
        assertInvalid(extra, "an undocumented field in system");

        ObjectNode compared = good.deepCopy();
        compared.put("paper_configuration", true);
        assertInvalid(compared, "a partial run claiming the paper's configuration without deviations");

        ObjectNode badReason = good.deepCopy();
        ((ObjectNode) badReason.get("run").get("end")).put("reason", "finished");
        assertInvalid(badReason, "an unknown end reason");
    }

    @Test
    void theSchemaIsInTheRepositoryWhereDocsPointTo() {
        assertThat(Files.exists(ROOT.resolve("simulator/src/main/resources/schema/report.schema.json"))).isTrue();
        assertThat(Files.exists(ROOT.resolve("docs/report.md"))).isTrue();
    }
}
