package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpOptionTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "compile", "reproduce", "asm", "disasm", "bench", "bench iss", "bench gemm"})
    void everyCommandPrintsItsUsageForHelpAndSucceeds(String command) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: socsim" + (command.isEmpty() ? "" : " " + command));
    }
}
