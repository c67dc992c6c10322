package io.socsim.sim.func;

import io.socsim.isa.elf.ElfFile;
import io.socsim.isa.elf.Segment;
import io.socsim.isa.exec.Bus;
import io.socsim.isa.exec.DecodeCache;
import io.socsim.isa.exec.Hart;
import io.socsim.sim.Faults;
import io.socsim.sim.UserError;
import java.io.OutputStream;
import java.util.Locale;

/**
 * One hart and a flat RAM, no timing: the {@code rv32-bare} machine. Loads an ELF by segments,
 * starts the hart at the entry point and runs it to exit, fault or instruction limit.
 */
public final class FunctionalMachine {

    /** Instructions per slice of {@link Hart#run}: bounds how late a limit is noticed. */
    private static final long SLICE = 1 << 20;

    private final ElfFile elf;
    private final Hart hart;
    private final StdioHost host;

    public FunctionalMachine(ElfFile elf, long ramBase, long ramSize, OutputStream out, OutputStream err) {
        this.elf = elf;
        if (ramSize <= 0 || ramSize > Integer.MAX_VALUE - 8) {
            throw new UserError("RAM size " + ramSize + " is not supported (1 byte to 2 GiB)");
        }
        byte[] ram = new byte[(int) ramSize];
        for (Segment s : elf.segments()) {
            long start = Integer.toUnsignedLong(s.vaddr());
            long end = start + Integer.toUnsignedLong(s.memSize());
            if (start < ramBase || end > ramBase + ramSize) {
                throw new UserError(String.format(Locale.ROOT,
                        "%s: segment 0x%08x-0x%08x lies outside RAM 0x%08x-0x%08x (link the program into RAM, or enlarge it with --set memory.ram.size=...)",
                        elf.name(), start, end - 1, ramBase, ramBase + ramSize - 1));
            }
            byte[] data = s.data();
            System.arraycopy(data, 0, ram, (int) (start - ramBase), data.length);
        }
        this.host = new StdioHost(out, err);
        this.hart = new Hart(0, new DecodeCache(), Bus.EMPTY, host);
        hart.mapRam((int) ramBase, ram);
        elf.symbolAddress("tohost").ifPresent(hart::tohost);
        hart.pc(elf.entry());
    }

    /** Runs until the program ends or {@code maxInstructions} have executed. */
    public Result run(long maxInstructions) {
        while (hart.running() && hart.instret() < maxInstructions) {
            hart.run(Math.min(SLICE, maxInstructions - hart.instret()));
        }
        host.flush();
        if (hart.state() == Hart.EXITED) {
            return new Result(hart.exitCode(), hart.instret(), host.failure());
        }
        if (hart.state() == Hart.HALTED) {
            throw new UserError("core 0: " + Faults.describe(hart, elf), UserError.PROGRAM_FAULT);
        }
        throw new UserError(String.format(Locale.ROOT,
                "program did not finish within %d cycles (core 0 at pc %s); raise --max-cycles if it needs longer",
                maxInstructions, elf.describe(hart.pc())), UserError.LIMIT_REACHED);
    }

    public Hart hart() {
        return hart;
    }

    /**
     * @param exitCode     the program's exit code
     * @param instructions instructions retired
     * @param failure      why a riscv-tests style run failed, or null
     */
    public record Result(int exitCode, long instructions, String failure) {
    }
}
