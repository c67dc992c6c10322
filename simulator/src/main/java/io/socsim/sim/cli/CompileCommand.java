package io.socsim.sim.cli;

import io.socsim.config.SocConfig;
import io.socsim.sim.UserError;
import io.socsim.sim.mobilebert.MobileBertRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code socsim compile mobilebert -o mobilebert.elf}: the workload compiled for the configured system. */
@Command(name = "compile", description = "Compile a built-in workload (mobilebert) into an ELF for the configured system.")
final class CompileCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "mobilebert")
    String workload;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.elf")
    Path output;

    @Mixin
    SystemOptions system;

    @Mixin
    WorkloadOptions options;

    @Override
    public Integer call() {
        if (!"mobilebert".equals(workload)) {
            throw new UserError("unknown workload '" + workload + "' (available: mobilebert)");
        }
        SocConfig soc = system.resolve("ita-cluster");
        try {
            Files.write(output, MobileBertRun.compile(options.config(), soc, options.noIta).elf());
        } catch (IOException e) {
            throw new UserError("cannot write " + output + ": " + e.getMessage());
        }
        return 0;
    }
}
