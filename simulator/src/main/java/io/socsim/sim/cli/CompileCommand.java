package io.socsim.sim.cli;

import io.socsim.config.SocConfig;
import io.socsim.sim.OutputFile;
import io.socsim.sim.UserError;
import io.socsim.sim.mobilebert.MobileBertRun;
import io.socsim.workloads.mobilebert.MobileBertCompiler;
import io.socsim.workloads.mobilebert.MobileBertConfig;
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
        OutputFile out = OutputFile.check("-o", output);
        SocConfig soc = system.resolve("ita-cluster");
        MobileBertConfig model = options.config();
        MobileBertCompiler.Compiled compiled = MobileBertRun.compile(model, soc, options.noIta);
        out.write(compiled.elf());
        return 0;
    }
}
