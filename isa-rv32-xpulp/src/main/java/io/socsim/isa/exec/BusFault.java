package io.socsim.isa.exec;

/**
 * An access no memory or device answers. Thrown on the slow path only, so it carries no stack
 * trace; the hart turns it into an access-fault trap or a reported error.
 */
public final class BusFault extends RuntimeException {

    private final int address;
    private final boolean write;

    public BusFault(int address, boolean write) {
        super(null, null, false, false);
        this.address = address;
        this.write = write;
    }

    public int address() {
        return address;
    }

    public boolean write() {
        return write;
    }

    @Override
    public String getMessage() {
        return String.format(java.util.Locale.ROOT, "bus error: %s 0x%08x is not mapped", write ? "store to" : "load from", address);
    }
}
