package io.socsim.isa;

import java.util.ArrayList;
import java.util.List;

/**
 * Table-driven decoder: 32-bit words are looked up among the rows of their major opcode,
 * 16-bit words in a precomputed table of all 65,536 half-words.
 */
public final class Decoder {

    private static final Op[][] BY_MAJOR = new Op[128][];
    private static final Op[] COMPRESSED = new Op[1 << 16];

    static {
        List<List<Op>> major = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            major.add(new ArrayList<>());
        }
        List<Op> compressed = new ArrayList<>();
        for (Op op : Op.values()) {
            if (op.length() == 4) {
                major.get(op.match() & 0x7f).add(op);
            } else {
                compressed.add(op);
            }
        }
        for (int i = 0; i < 128; i++) {
            BY_MAJOR[i] = major.get(i).toArray(new Op[0]);
        }
        for (int h = 0; h < (1 << 16); h++) {
            if ((h & 3) == 3) {
                continue;
            }
            for (Op op : compressed) {
                if (op.matches(h)) {
                    COMPRESSED[h] = op;
                    break;
                }
            }
        }
    }

    private Decoder() {
    }

    /** Length in bytes of the instruction whose low half-word is {@code low}: 2 or 4. */
    public static int length(int low) {
        return (low & 3) == 3 ? 4 : 2;
    }

    /** The table row for {@code word}, or {@code null} when no row matches (an illegal instruction). */
    public static Op lookup(int word) {
        if ((word & 3) != 3) {
            return COMPRESSED[word & 0xffff];
        }
        if ((word & 0x1c) == 0x1c) {
            return null; // 48-bit and longer encodings are not part of RV32IMC-XpulpV2
        }
        for (Op op : BY_MAJOR[word & 0x7f]) {
            if (op.matches(word)) {
                return op;
            }
        }
        return null;
    }

    /**
     * Decodes one instruction. For a compressed instruction only the low 16 bits of {@code word}
     * are used.
     *
     * @return the decoded instruction, or {@code null} when {@code word} is not a legal instruction
     */
    public static Insn decode(int word) {
        Op op = lookup(word);
        return op == null ? null : op.format().decode(op, op.length() == 2 ? word & 0xffff : word);
    }
}
