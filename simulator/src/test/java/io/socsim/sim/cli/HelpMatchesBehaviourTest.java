package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The help text, read from picocli's model of every command, against what the commands do. */
class HelpMatchesBehaviourTest {

    /** Every command under socsim with its full name ("socsim bench gemm"). */
    private static List<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine cli, List<CommandLine> all) {
        all.add(cli);
        cli.getSubcommands().values().forEach(c -> collect(c, all));
    }

    @Test
    void everyOptionAndParameterHasADescription() {
        List<String> undocumented = new ArrayList<>();
        for (CommandLine cli : commands()) {
            List<ArgSpec> args = new ArrayList<>(cli.getCommandSpec().options());
            args.addAll(cli.getCommandSpec().positionalParameters());
            for (ArgSpec a : args) {
                if (String.join("", a.description()).isBlank()) {
                    undocumented.add(cli.getCommandSpec().qualifiedName() + " " + a.paramLabel()
                            + (a instanceof OptionSpec o ? " " + o.longestName() : ""));
                }
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyCommandDescribesItsOwnDefaultPreset() {
        Map<String, String> defaults = Map.of(
                "socsim run", "default: rv32-bare for a program, ita-cluster for mobilebert",
                "socsim compile", "default: ita-cluster",
                "socsim conformance", "default: ita-cluster",
                "socsim reproduce", "default: ita-cluster",
                "socsim bench gemm", "default: pulp-cluster",
                "socsim sweep", "default: ita-cluster for mobilebert, pulp-cluster for a program");
        for (CommandLine cli : commands()) {
            String name = cli.getCommandSpec().qualifiedName();
            OptionSpec preset = cli.getCommandSpec().findOption("--preset");
            if (preset == null) {
                assertThat(defaults).as(name).doesNotContainKey(name);
                continue;
            }
            assertThat(defaults).as(name + " has --preset: list its default here").containsKey(name);
            assertThat(String.join(" ", preset.description()).replace("(default: ${DEFAULT-VALUE})", "(default: " + preset.defaultValue() + ")"))
                    .as(name).contains(defaults.get(name));
        }
    }

    @Test
    void everyCommandThatPrintsResultsHasQuiet() {
        for (String name : List.of("socsim run", "socsim compile", "socsim reproduce", "socsim asm", "socsim bench iss", "socsim bench gemm", "socsim sweep", "socsim baseline")) {
            CommandLine cli = commands().stream().filter(c -> c.getCommandSpec().qualifiedName().equals(name)).findFirst().orElseThrow();
            assertThat(cli.getCommandSpec().findOption("--quiet")).as(name).isNotNull();
        }
    }

    @Test
    void theUsageTextShowsEachCommandsOwnDefault() {
        assertThat(CliRunner.run("compile", "--help").out()).contains("default: ita-cluster").doesNotContain("rv32-bare for");
        assertThat(CliRunner.run("run", "--help").out().replaceAll("\\s+", " ")).contains("rv32-bare for a program, ita-cluster for mobilebert");
    }

    @Test
    void compileUsesThePresetItsHelpNames(@TempDir Path tmp) {
        CliRunner.Result r = CliRunner.run("compile", "mobilebert", "--layers", "1", "--seq", "16", "-o", tmp.resolve("m.elf").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(" for ita-cluster,");
    }
}
