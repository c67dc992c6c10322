package io.socsim.sim.cli;

import io.socsim.sim.UserError;
import io.socsim.workloads.onnx.Conformance;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code socsim conformance DIR --interpreter}: every test folder under DIR ({@code network.onnx},
 * {@code inputs.npz}, {@code outputs.npz}) on the reference interpreter, one table row each, then
 * {@code N passed, M failed}; exit 1 when any failed.
 */
@Command(name = "conformance", description = "Run integer ONNX test folders (network.onnx, inputs.npz, outputs.npz) and compare every output bit for bit.")
final class ConformanceCommand implements Callable<Integer>, SystemOptions.DefaultPreset {

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory searched for test folders.")
    Path dir;

    @Option(names = "--interpreter", description = "Evaluate on the host-side reference interpreter instead of the simulated system.")
    boolean interpreter;

    @Mixin
    SystemOptions system;

    @Option(names = "--max-cycles", paramLabel = "N", defaultValue = "2000000000", description = "Cycle limit per test (default: ${DEFAULT-VALUE}).")
    long maxCycles;

    @Override
    public String defaultPresetHelp() {
        return "ita-cluster";
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": not a directory");
        }
        List<Path> tests;
        try {
            tests = Conformance.testDirs(dir);
        } catch (IOException e) {
            throw new UserError(dir + ": cannot list (" + e.getMessage() + ")");
        }
        if (tests.isEmpty()) {
            throw new UserError(dir + ": no test folder (a folder holding network.onnx) found");
        }
        if (!interpreter) {
            return OnnxConformance.run(dir, tests, system.resolve("ita-cluster"), maxCycles);
        }
        List<Conformance.Case> cases = tests.stream().map(t -> Conformance.run(dir, t)).toList();
        int width = Math.max(4, cases.stream().mapToInt(c -> c.name().length()).max().orElse(4));
        PrintWriter out = new PrintWriter(System.out, false);
        out.printf(Locale.ROOT, "%-" + width + "s  %-6s  %s%n", "test", "result", "operators");
        int passed = 0;
        for (Conformance.Case c : cases) {
            out.printf(Locale.ROOT, "%-" + width + "s  %-6s  %s%n", c.name(), c.passed() ? "pass" : "FAIL",
                    String.join(" ", c.operators()));
            if (c.passed()) {
                passed++;
            } else {
                out.printf(Locale.ROOT, "    %s%n", c.detail());
            }
        }
        out.printf(Locale.ROOT, "%d passed, %d failed%n", passed, cases.size() - passed);
        out.flush();
        return passed == cases.size() ? 0 : 1;
    }
}
