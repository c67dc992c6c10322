package io.socsim.isa;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.isa.asm.AssemblyException;
import io.socsim.isa.asm.Assembler;
import io.socsim.isa.asm.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every half-word and millions of seeded random words through {@link Decoder} and
 * {@link Disassembler}: each word either decodes to a row that matches it and prints as that
 * row's mnemonic, or is rejected and prints as data ({@code .2byte}/{@code .4byte}); nothing
 * throws. Decoded words also go through the round trip the assembler promises (see
 * {@code AssembleDisassembleRoundTripTest}): the text assembles to the canonical encoding and
 * disassembles to the same text. Sizes and seed: {@link Fuzz}, docs/fuzzing.md.
 */
class DecoderFuzzTest {

    static final long RANDOM_WORDS = 10_000_000;
    static final long ROUND_TRIP_WORDS = 30_000;
    private static final int ROUND_TRIP_PC = 0x80001000;
    /** Source lines per assembler call: large batches amortise the assembler's set-up. */
    private static final int BATCH = 2_000;
    private static final Op[] WIDE_ROWS = rows(4);

    @Test
    void everyHalfWordDecodesOrIsRejectedCleanly() {
        SplittableRandom rnd = Fuzz.random("half-words");
        Fuzz.Failures failures = new Fuzz.Failures();
        int legal = 0;
        for (int h = 0; h < 1 << 16; h++) {
            int pc = rnd.nextInt() & ~1;
            if ((h & 3) == 3) {
                if (Decoder.length(h) != 4) {
                    failures.add(hex(h) + ": low bits 11 but length " + Decoder.length(h));
                }
                continue;
            }
            Insn insn = check(h, pc, failures);
            legal += insn != null ? 1 : 0;
            int withUpperHalf = h | rnd.nextInt() << 16;
            Insn again = Decoder.decode(withUpperHalf);
            if (!Objects.equals(insn, again)) {
                failures.add(hex(withUpperHalf) + ": the upper half changed the decoding of " + hex(h));
            }
        }
        assertThat(failures.report()).as(Fuzz.reproduce("half-words")).isEmpty();
        // Sanity: the quadrants hold both legal and reserved encodings.
        assertThat(legal).isBetween(1, 3 * (1 << 14) - 1);
    }

    @Test
    void randomWordsDecodeOrAreRejectedCleanly() {
        SplittableRandom rnd = Fuzz.random("words");
        Fuzz.Failures failures = new Fuzz.Failures();
        long n = Fuzz.size(RANDOM_WORDS);
        long legal = 0;
        for (long i = 0; i < n; i++) {
            legal += check(randomWord(rnd), rnd.nextInt() & ~1, failures) != null ? 1 : 0;
        }
        assertThat(failures.report()).as(Fuzz.reproduce("words")).isEmpty();
        assertThat(legal).isBetween(1L, n - 1);
    }

    @Test
    void decodedWordsSurviveDisassemblyAndReassembly() {
        List<Insn> insns = new ArrayList<>();
        for (int h = 0; h < 1 << 16; h++) {
            Insn insn = (h & 3) == 3 ? null : Decoder.decode(h);
            if (insn != null) {
                insns.add(insn);
            }
        }
        SplittableRandom rnd = Fuzz.random("round-trip");
        for (long wide = Fuzz.size(ROUND_TRIP_WORDS); wide > 0; ) {
            Insn insn = Decoder.decode(randomWord(rnd));
            if (insn != null) {
                insns.add(insn);
                wide--;
            }
        }
        Fuzz.Failures failures = new Fuzz.Failures();
        for (int from = 0; from < insns.size(); from += BATCH) {
            roundTrip(insns.subList(from, Math.min(insns.size(), from + BATCH)), failures);
        }
        assertThat(failures.report()).as(Fuzz.reproduce("round-trip")).isEmpty();
    }

    /** Half the words are instances of a table row (reserved cases included), half are uniform. */
    static int randomWord(SplittableRandom rnd) {
        if (rnd.nextBoolean()) {
            Op op = WIDE_ROWS[rnd.nextInt(WIDE_ROWS.length)];
            return op.match() | (rnd.nextInt() & ~op.mask());
        }
        return rnd.nextInt() | 3;
    }

    /** Decodes and prints {@code word}; returns the decoded instruction, or null when rejected or failed. */
    private static Insn check(int word, int pc, Fuzz.Failures failures) {
        Insn insn;
        Op looked;
        String text;
        try {
            insn = Decoder.decode(word);
            looked = Decoder.lookup(word);
            text = Disassembler.disassemble(word, pc);
        } catch (RuntimeException | Error e) {
            failures.add(hex(word) + " at pc " + hex(pc) + ": " + Fuzz.describe(e));
            return null;
        }
        int bits = Decoder.length(word) == 2 ? word & 0xffff : word;
        String problem = insn == null ? rejected(bits, looked, text) : decoded(bits, insn, looked, text);
        if (problem != null) {
            failures.add(hex(word) + " at pc " + hex(pc) + ": " + problem + " (text '" + text + "')");
            return null;
        }
        return insn;
    }

    private static String rejected(int bits, Op looked, String text) {
        if (looked != null) {
            return "decode gave null but lookup gave " + looked;
        }
        String data = (Decoder.length(bits) == 2 ? ".2byte\t0x" : ".4byte\t0x") + Integer.toHexString(bits);
        return text.equals(data) ? null : "an illegal word must print as " + data;
    }

    private static String decoded(int bits, Insn insn, Op looked, String text) {
        Op op = insn.op();
        if (op != looked) {
            return "decode gave " + op + " but lookup gave " + looked;
        }
        if (!op.matches(bits) || insn.raw() != bits || insn.length() != Decoder.length(bits)) {
            return "decoded as " + insn + ", which does not match the word";
        }
        if ((insn.rd() | insn.rs1() | insn.rs2()) >>> 5 != 0) {
            return "register field out of range in " + insn;
        }
        boolean mnemonicFirst = text.startsWith(op.mnemonic())
                && (text.length() == op.mnemonic().length() || text.charAt(op.mnemonic().length()) == '\t');
        if (!mnemonicFirst || text.indexOf(' ') >= 0 || text.indexOf('\n') >= 0) {
            return "text does not read '" + op.mnemonic() + "<tab>operands'";
        }
        return null;
    }

    /** Assembles the texts of {@code insns} laid out one after the other, then compares each. */
    private static void roundTrip(List<Insn> insns, Fuzz.Failures failures) {
        StringBuilder source = new StringBuilder();
        int[] at = new int[insns.size()];
        String[] texts = new String[insns.size()];
        int pc = ROUND_TRIP_PC;
        for (int i = 0; i < insns.size(); i++) {
            at[i] = pc;
            texts[i] = Disassembler.format(insns.get(i), pc);
            source.append("  ").append(texts[i].replace('\t', ' ')).append('\n');
            pc += insns.get(i).length();
        }
        Program p;
        try {
            p = new Assembler().textBase(ROUND_TRIP_PC).assemble("roundtrip.s", source.toString());
        } catch (AssemblyException e) {
            for (AssemblyException.Diagnostic d : e.diagnostics()) {
                int line = d.line() - 1;
                failures.add(line >= 0 && line < insns.size()
                        ? hex(insns.get(line).raw()) + " '" + texts[line] + "' does not assemble: " + d.message()
                        : d.toString());
            }
            return;
        } catch (RuntimeException | Error e) {
            failures.add("assembling a batch from " + hex(insns.get(0).raw()) + ": " + Fuzz.describe(e));
            return;
        }
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.get(i);
            Op op = insn.op();
            int canonical = op.format().encode(op, insn.rd(), insn.rs1(), insn.rs2(), insn.imm(), insn.imm2());
            int again = op.length() == 2 ? p.halfAt(at[i]) : p.wordAt(at[i]);
            String text2 = Disassembler.disassemble(again, at[i]);
            if (again != canonical || !text2.equals(texts[i])) {
                failures.add(hex(insn.raw()) + " '" + texts[i] + "' assembled to " + hex(again) + " (canonical "
                        + hex(canonical) + "), which disassembles to '" + text2 + "'");
            }
        }
    }

    private static Op[] rows(int length) {
        List<Op> rows = new ArrayList<>();
        for (Op op : Op.values()) {
            if (op.length() == length) {
                rows.add(op);
            }
        }
        return rows.toArray(new Op[0]);
    }

    private static String hex(int v) {
        return "0x" + Integer.toHexString(v);
    }
}
