package io.socsim.sim.func;

import io.socsim.isa.elf.ElfFile;
import io.socsim.isa.elf.Segment;
import io.socsim.isa.exec.Bus;
import io.socsim.isa.exec.DecodeCache;
import io.socsim.isa.exec.Hart;
import io.socsim.sim.Faults;
import io.socsim.sim.Interrupts;
import io.socsim.sim.RunEnd;
import io.socsim.sim.UserError;
import java.io.OutputStream;
import java.util.Locale;

/**
 * One hart and a flat RAM, no timing: the {@code rv32-bare} machine. Loads an ELF by segments,
 * starts the hart at the entry point and runs it to exit, fault, instruction limit or interrupt.
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

    /**
     * Runs until the program ends, faults, {@code maxInstructions} have executed or an interrupt
     * is requested ({@link Interrupts}, polled between slices); {@link Result#end()} says which.
     */
    public Result run(long maxInstructions) {
        boolean interrupted = false;
        while (hart.running() && hart.instret() < maxInstructions) {
            if (Interrupts.requested()) {
                interrupted = true;
                break;
            }
            hart.run(Math.min(SLICE, maxInstructions - hart.instret()));
        }
        host.flush();
        return new Result(end(interrupted, maxInstructions), hart.instret());
    }

    private RunEnd end(boolean interrupted, long maxInstructions) {
        if (hart.state() == Hart.EXITED) {
            return host.end(0, null, hart.exitCode()); // the hart ran in slices: the exiting instruction's pc is not kept
        }
        if (hart.state() == Hart.HALTED) {
            int pc = hart.lastCause() < 0 ? hart.pc() : hart.lastTrapPc();
            return RunEnd.fault(0, pc, "core 0: " + Faults.describe(hart, elf));
        }
        if (interrupted) {
            return RunEnd.interrupted(0, hart.pc(), String.format(Locale.ROOT,
                    "interrupted after %d instructions (core 0 at pc %s); the statistics are those so far",
                    hart.instret(), elf.describe(hart.pc())));
        }
        return RunEnd.maxCycles(0, hart.pc(), String.format(Locale.ROOT,
                "program did not finish within %d cycles (core 0 at pc %s); raise --max-cycles if it needs longer",
                maxInstructions, elf.describe(hart.pc())));
    }

    public Hart hart() {
        return hart;
    }

    /**
     * @param end          why the run ended, and the exit status it gives
     * @param instructions instructions retired
     */
    public record Result(RunEnd end, long instructions) {

        /** The process exit status of the run. */
        public int exitCode() {
            return end.exitCode();
        }
    }
}
