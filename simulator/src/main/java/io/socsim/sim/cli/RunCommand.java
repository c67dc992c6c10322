package io.socsim.sim.cli;

import io.socsim.isa.elf.ElfFile;
import io.socsim.isa.elf.ElfFormatException;
import io.socsim.config.MemoryConfig;
import io.socsim.config.SocConfig;
import io.socsim.sim.UserError;
import io.socsim.sim.func.FunctionalMachine;
import java.io.BufferedOutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code socsim run PROGRAM.elf}: runs a program and exits with its exit code. */
@Command(name = "run", description = "Run a RISC-V ELF program; prints what it writes and exits with its exit code.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROGRAM", description = "ELF32 RISC-V executable.")
    Path program;

    @Mixin
    SystemOptions system;

    @Option(names = "--max-cycles", defaultValue = "10000000000", description = "Stop after this many cycles (default: ${DEFAULT-VALUE}).")
    long maxCycles;

    @Override
    public Integer call() {
        if (maxCycles <= 0) {
            throw new UserError("--max-cycles must be positive, not " + maxCycles);
        }
        ElfFile elf;
        try {
            elf = ElfFile.read(program);
        } catch (ElfFormatException e) {
            throw new UserError(e.getMessage());
        }
        SocConfig soc = system.resolve("rv32-bare");
        MemoryConfig ram = soc.memory().ram().orElseThrow(() -> new UserError(
                "preset '" + soc.name() + "' has no flat RAM; the cluster model runs it (not available yet): use --preset rv32-bare"));
        BufferedOutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        BufferedOutputStream err = new BufferedOutputStream(System.err, 1 << 12);
        FunctionalMachine machine = new FunctionalMachine(elf, ram.base(), ram.size(), out, err);
        FunctionalMachine.Result result = machine.run(maxCycles);
        if (result.failure() != null) {
            System.err.println("socsim: " + result.failure());
        }
        return result.exitCode() & 0xff; // what a process exit status keeps, as under QEMU
    }
}
