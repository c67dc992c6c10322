package io.socsim.isa.exec;

/**
 * What the world outside the core provides: the host calls of {@code ecall} while no trap
 * handler is installed, and the riscv-tests {@code tohost} mailbox.
 */
public interface HostInterface {

    /**
     * An {@code ecall} executed while {@code mtvec} is zero. The implementation reads the
     * arguments from the hart's registers, may write a result to {@code a0}, and may stop the
     * hart ({@link Hart#exit(int)} or {@link Hart#halt}).
     */
    void ecall(Hart hart);

    /** A store of {@code value} to the {@code tohost} address. */
    void tohost(Hart hart, int value);
}
