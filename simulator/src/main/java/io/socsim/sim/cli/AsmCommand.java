package io.socsim.sim.cli;

import io.socsim.isa.asm.AssemblyException;
import io.socsim.isa.asm.Assembler;
import io.socsim.isa.asm.Program;
import io.socsim.isa.asm.ProgramElf;
import io.socsim.sim.OutputFile;
import io.socsim.sim.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code socsim asm IN.s -o OUT.elf}: GNU-style assembly to an ELF executable. */
@Command(name = "asm", description = "Assemble GNU-style RV32IMC/XpulpV2 assembly into an ELF executable; prints one line with its sections and entry point.")
final class AsmCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN.s", description = "Assembly source.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.elf", description = "ELF file to write (checked before assembling, replaced in one rename).")
    Path output;

    @Option(names = "--text-base", paramLabel = "ADDR", defaultValue = "0x80000000",
            description = "Address of .text (default: ${DEFAULT-VALUE}).")
    String textBase;

    @Option(names = "--quiet", description = "Do not print the line with the sections and entry point; errors still go to standard error.")
    boolean quiet;

    @Override
    public Integer call() {
        int base = Numbers.address(textBase, "--text-base");
        if (!Files.exists(input)) {
            throw new UserError("assembly source " + input + " does not exist");
        }
        if (Files.isDirectory(input)) {
            throw new UserError("assembly source " + input + " is a directory");
        }
        OutputFile out = OutputFile.check("-o", output);
        Program program;
        try {
            program = new Assembler().textBase(base).assemble(input);
        } catch (NoSuchFileException e) {
            throw new UserError("assembly source " + input + " does not exist");
        } catch (IOException e) {
            throw new UserError("cannot read " + input + ": " + e.getMessage());
        } catch (AssemblyException e) {
            throw new UserError(e.getMessage());
        }
        out.write(ProgramElf.toBytes(program));
        if (!quiet) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: entry 0x%08x", output, program.entry()));
            for (Program.Section s : program.sections()) {
                line.append(String.format(Locale.ROOT, ", %s %d bytes at 0x%08x", s.name(), s.size(), s.base()));
            }
            System.out.println(line);
        }
        return 0;
    }
}
