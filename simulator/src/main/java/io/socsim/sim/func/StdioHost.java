package io.socsim.sim.func;

import io.socsim.isa.exec.Hart;
import io.socsim.isa.exec.HostInterface;
import io.socsim.sim.RunEnd;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Host calls with the numbers of Linux's riscv32 ABI, so that the same binaries run under
 * {@code qemu-riscv32}: a7 = 93 exits with a0, a7 = 64 writes a2 bytes at a1 to fd a0 (1 or 2)
 * and returns the count in a0. The riscv-tests {@code tohost} mailbox: 1 passes, an odd value v
 * fails test v >> 1. A failure exits with the fixed code {@link RunEnd#TOHOST_FAIL_CODE} (not the
 * test number, which would collide with socsim's own codes 2-4); the number is in {@link #end}.
 */
public final class StdioHost implements HostInterface {

    private static final int SYS_WRITE = 64;
    private static final int SYS_EXIT = 93;
    private static final int EBADF = 9;

    private final OutputStream out;
    private final OutputStream err;
    private String failure;
    private int tohostValue; // the value that ended the run through tohost, 0 if none

    public StdioHost(OutputStream out, OutputStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void ecall(Hart hart) {
        int a7 = hart.reg(17);
        switch (a7) {
            case SYS_EXIT:
                hart.exit(hart.reg(10));
                break;
            case SYS_WRITE:
                hart.reg(10, write(hart, hart.reg(10), hart.reg(11), hart.reg(12)));
                break;
            default:
                hart.halt(String.format(java.util.Locale.ROOT,
                        "unsupported host call a7=%d (ecall without a trap handler supports a7=93 exit and a7=64 write)", a7));
        }
    }

    private int write(Hart hart, int fd, int address, int length) {
        OutputStream target = fd == 1 ? out : fd == 2 ? err : null;
        if (target == null) {
            return -EBADF;
        }
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) hart.readMemory(address + i, 1);
        }
        try {
            target.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return length;
    }

    @Override
    public void tohost(Hart hart, int value) {
        if (value == 0) {
            return; // a cleared mailbox is not a message
        }
        tohostValue = value;
        if (value == 1) {
            hart.exit(0);
        } else if ((value & 1) == 1) {
            failure = "riscv-tests: test " + (value >>> 1) + " failed (tohost = " + value + ")";
            hart.exit(RunEnd.TOHOST_FAIL_CODE);
        } else {
            failure = "tohost written with " + value + ", which is not a riscv-tests result (odd values only)";
            hart.exit(RunEnd.TOHOST_FAIL_CODE);
        }
    }

    /** How a run ended whose hart {@code core} exited with {@code exitCode} at {@code pc} (null: unknown): through tohost or its own exit. */
    public RunEnd end(int core, Integer pc, int exitCode) {
        if (tohostValue == 0) {
            return RunEnd.exit(exitCode, core, pc);
        }
        if (tohostValue == 1) {
            return RunEnd.tohostPass(core, pc);
        }
        return RunEnd.tohostFail((tohostValue & 1) == 1 ? tohostValue >>> 1 : null, core, pc, failure);
    }

    /** A message explaining a failing tohost result, or null. */
    public String failure() {
        return failure;
    }

    public void flush() {
        try {
            out.flush();
            err.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
