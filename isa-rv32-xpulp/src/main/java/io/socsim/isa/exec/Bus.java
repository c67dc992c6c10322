package io.socsim.isa.exec;

/**
 * Everything a hart reaches outside its fast RAM window: other memories, peripherals, and the
 * address holes that become access faults. Implementations throw {@link BusFault} for an address
 * nothing answers.
 */
public interface Bus {

    /** Reads {@code size} (1, 2 or 4) bytes little-endian, zero-extended. */
    int read(int address, int size);

    /** Writes the low {@code size} (1, 2 or 4) bytes of {@code value} little-endian. */
    void write(int address, int size, int value);

    /** A bus with nothing on it: every access faults. */
    Bus EMPTY = new Bus() {
        @Override
        public int read(int address, int size) {
            throw new BusFault(address, false);
        }

        @Override
        public void write(int address, int size, int value) {
            throw new BusFault(address, true);
        }
    };
}
