package io.socsim.sim.cli;

import io.socsim.config.SocConfig;
import io.socsim.sim.OutputFile;
import io.socsim.sim.UserError;
import io.socsim.sim.mobilebert.MobileBertRun;
import io.socsim.workloads.mobilebert.MobileBertCompiler;
import io.socsim.workloads.mobilebert.MobileBertConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code socsim compile mobilebert -o mobilebert.elf}: the workload compiled for the configured system. */
@Command(name = "compile", description = "Compile a built-in workload (mobilebert) or an integer ONNX graph into an ELF for the configured system; prints one line saying what was written.")
final class CompileCommand implements Callable<Integer>, SystemOptions.DefaultPreset {

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "The workload to compile: mobilebert or NET.onnx.")
    String workload;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.elf", description = "ELF file to write (checked before compiling, replaced in one rename).")
    Path output;

    @Option(names = "--quiet", description = "Do not print the line saying what was written; errors still go to standard error.")
    boolean quiet;

    @Mixin
    SystemOptions system;

    @Mixin
    WorkloadOptions options;

    @Option(names = "--inputs", paramLabel = "IN.npz", description = "For an ONNX graph: the runtime inputs the program carries (default: zeros).")
    Path inputs;

    @Override
    public Integer call() {
        if (OnnxCommands.isOnnx(Path.of(workload))) {
            OutputFile onnxOut = OutputFile.check("-o", output);
            SocConfig onnxSoc = system.resolve("ita-cluster");
            Path file = Path.of(workload);
            var compiled = OnnxCommands.compile(OnnxCommands.name(file), OnnxCommands.model(file),
                    inputs == null ? null : OnnxCommands.arrays(inputs, "--inputs"), onnxSoc);
            onnxOut.write(compiled.elf());
            if (!quiet) {
                System.out.printf(Locale.ROOT, "%s: %s (%d nodes) for %s, %d bytes%n", output, compiled.name(), compiled.nodes().size(),
                        onnxSoc.name(), compiled.elf().length);
            }
            return 0;
        }
        if (inputs != null) {
            throw new UserError("--inputs applies to an ONNX graph (NET.onnx) only");
        }
        if (!"mobilebert".equals(workload)) {
            throw new UserError("unknown workload '" + workload + "' (available: mobilebert, or an ONNX graph NET.onnx)");
        }
        OutputFile out = OutputFile.check("-o", output);
        SocConfig soc = system.resolve("ita-cluster");
        MobileBertConfig model = options.config();
        MobileBertCompiler.Compiled compiled = MobileBertRun.compile(model, soc, options.noIta);
        out.write(compiled.elf());
        if (!quiet) {
            System.out.printf(Locale.ROOT, "%s: MobileBERT (%s variant, S=%d, %d of 24 layers%s) for %s, %d bytes%n", output,
                    model.variant().name().toLowerCase(Locale.ROOT), model.seq(), model.layers(), options.noIta ? ", no ITA" : "",
                    soc.name(), compiled.elf().length);
        }
        return 0;
    }

    @Override
    public String defaultPresetHelp() {
        return "ita-cluster";
    }
}
