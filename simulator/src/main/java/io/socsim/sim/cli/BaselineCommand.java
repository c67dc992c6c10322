package io.socsim.sim.cli;

import io.socsim.sim.OutputFile;
import io.socsim.sim.cluster.ClusterReport;
import io.socsim.sim.sweep.Baseline;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code socsim baseline}: the metrics {@code socsim check} compares, from a run report or a sweep, as a small JSON file to commit. */
@Command(name = "baseline", description = "Write the metrics of a run report (--json) or a sweep folder as a baseline for 'socsim check'.")
final class BaselineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_OR_SWEEP", description = "A run report (socsim run --json), a sweep folder or its results.json.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The baseline file to write.")
    Path output;

    @Option(names = "--quiet", description = "Do not say what was written.")
    boolean quiet;

    @Override
    public Integer call() {
        OutputFile out = OutputFile.check("-o", output);
        Map<String, Object> metrics = Baseline.read(input);
        Path name = input.toAbsolutePath().normalize().getFileName();
        ClusterReport.writeJson(Baseline.file(name == null ? input.toString() : name.toString(), metrics), out);
        if (!quiet) {
            System.err.printf(java.util.Locale.ROOT, "socsim: wrote %s (%d metrics of %s)%n", output, metrics.size(), input);
        }
        return 0;
    }
}
