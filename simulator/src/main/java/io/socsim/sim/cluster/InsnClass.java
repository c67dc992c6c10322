package io.socsim.sim.cluster;

import io.socsim.isa.Format;
import io.socsim.isa.Op;
import io.socsim.isa.OpClass;
import io.socsim.isa.exec.DecodeCache;
import io.socsim.isa.exec.Sem;

/**
 * What the timing model needs to know of each semantic id, read once from the encoding table:
 * its timing kind, energy class and access size (the {@link OpClass} column), which registers it
 * reads and whether it writes rd (from the operand format), and how a memory address is formed.
 * The kind and energy constants are the ordinals of {@link OpClass.Timing} and
 * {@link OpClass.Energy}.
 */
final class InsnClass {

    static final int ALU = 0, LOAD = 1, STORE = 2, BRANCH = 3, JAL = 4, JALR = 5, MULH = 6, DIV = 7, CSR = 8, WFI = 9;
    static final int READS_RS1 = 1, READS_RS2 = 2, READS_RD = 4;
    /** Address forms: rs1 + imm, rs1 + rs2, rs1 (post-increment), rs1 + rd-field register. */
    static final int ADDR_IMM = 0, ADDR_RS2 = 1, ADDR_BASE = 2, ADDR_RD = 3;

    static final byte[] KIND = new byte[Sem.COUNT];
    static final byte[] READS = new byte[Sem.COUNT];
    static final boolean[] WRITES_RD = new boolean[Sem.COUNT];
    static final byte[] ADDR = new byte[Sem.COUNT];
    static final byte[] SIZE = new byte[Sem.COUNT];
    /**
     * Instructions that touch nothing shared with other cores or the host (no memory, CSR,
     * system or sleep): a core may execute them ahead of the cluster's cycle loop.
     */
    static final boolean[] PRIVATE = new boolean[Sem.COUNT];
    /** Energy classes of the power model (EventCounts): what an instruction costs to execute. */
    static final int E_ALU = 0, E_LOAD = 1, E_STORE = 2, E_MUL = 3, E_MAC = 4, E_SIMD_DOT = 5, E_SIMD_OTHER = 6, E_BRANCH = 7;
    static final int ENERGY_CLASSES = 8;
    static final byte[] ENERGY = new byte[Sem.COUNT];

    static {
        for (Op op : Op.values()) {
            if (op.length() == 2) {
                continue; // compressed rows share their expansion's id
            }
            int sem = DecodeCache.semOf(op);
            Format f = op.format();
            OpClass c = op.opClass();
            KIND[sem] = (byte) c.timing().ordinal();
            READS[sem] = (byte) (reads(f) | (c.readsRd() ? READS_RD : 0));
            WRITES_RD[sem] = writesRd(f);
            ADDR[sem] = (byte) addressForm(f);
            SIZE[sem] = (byte) (c.accessBytes() == 0 ? 4 : c.accessBytes());
            ENERGY[sem] = (byte) c.energy().ordinal();
            int k = KIND[sem];
            PRIVATE[sem] = (k == ALU || k == BRANCH || k == JAL || k == JALR || k == MULH || k == DIV)
                    && f != Format.NONE && f != Format.FENCE;
        }
    }

    private InsnClass() {
    }

    /** Registers an operand format reads (the rd field too where it holds a third source). */
    private static int reads(Format f) {
        switch (f) {
            case R: case LOAD_REG: case POST_LOAD_REG: case BRANCH: case STORE: case POST_STORE_IMM: case R_NORM:
                return READS_RS1 | READS_RS2;
            case STORE_REG: case POST_STORE_REG: return READS_RS1 | READS_RS2 | READS_RD;
            case U: case J: case NONE: case FENCE: case CSRI: case HWLOOP_ADDR: case HWLOOP_COUNTI: case HWLOOP_SETUPI:
                return 0;
            default: return READS_RS1;
        }
    }

    private static boolean writesRd(Format f) {
        switch (f) {
            case STORE: case STORE_REG: case POST_STORE_IMM: case POST_STORE_REG: case BRANCH: case BRANCH_IMM:
            case NONE: case FENCE: case HWLOOP_ADDR: case HWLOOP_COUNT: case HWLOOP_COUNTI: case HWLOOP_SETUP: case HWLOOP_SETUPI:
                return false;
            default: return true;
        }
    }

    private static int addressForm(Format f) {
        switch (f) {
            case LOAD_REG: return ADDR_RS2;
            case POST_LOAD_IMM: case POST_LOAD_REG: case POST_STORE_IMM: case POST_STORE_REG: return ADDR_BASE;
            case STORE_REG: return ADDR_RD;
            default: return ADDR_IMM;
        }
    }
}
