package io.socsim.isa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Differential test of {@link Decoder} + {@link Disassembler} against GNU objdump for
 * {@code rv32imc_zicsr_zifencei}. Not a JUnit test: it needs the RISC-V binutils and is run by
 * {@code .ci/objdump-diff.sh}.
 *
 * <p>Words: {@code random32} uniformly random 32-bit words (low bits 11, no 48-bit+ prefix), as
 * many again drawn per table row (match bits plus random don't-care bits, so every row and its
 * neighbourhood is exercised), one word for each of the 14,336 possible low half-words of a
 * 32-bit instruction (random upper half), and all 49,152 half-words with low bits other than 11
 * (the compressed instructions); the remaining 2,048 half-words start 48-bit+ encodings. Every word
 * is emitted with {@code .insn} so gas marks it as code, assembled with
 * {@code -march=rv32imc_zicsr_zifencei} (the ELF arch attribute then fixes what objdump decodes)
 * and disassembled with {@code -M no-aliases}. Both sides are normalised as documented in
 * {@code docs/assembly-syntax.md} ("Differences from objdump") and compared line by line.
 *
 * <p>Arguments: {@code [random32 [seed [workdir]]]}. Environment: {@code RISCV_AS},
 * {@code RISCV_OBJDUMP} override the tool names. Exit status 0 only when nothing differs.
 */
public final class ObjdumpDiff {

    private static final String ARCH = "rv32imc_zicsr_zifencei";
    private static final String INVALID = "<invalid>";
    private static final int CSR_PROBES = 4096;
    private static final int SHOW = Integer.getInteger("objdumpdiff.show", 25);

    /** objdump mnemonics of encodings the core does not implement (supervisor, user, debug mode). */
    private static final Set<String> UNIMPLEMENTED = Set.of("uret", "sret", "dret", "sfence.vma", "sfence.vm");

    private static final Set<String> SHIFTS = Set.of("slli", "srli", "srai", "c.slli", "c.srli", "c.srai");
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\t([0-9a-f]+)\\s*\\t(\\S+)(?:\\t(.*))?$");
    /** objdump's "# 0x..." comment with an address it computed from tracked register values. */
    private static final Pattern COMMENT = Pattern.compile("\\s+# .*$");
    private static final Pattern SYMBOLIC_TARGET = Pattern.compile("\\b([0-9a-f]+) <[^>]*>");

    private ObjdumpDiff() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int random32 = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.decode(args[1]) : 0x50C51DL;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("objdump-diff");
        Files.createDirectories(dir);

        List<Integer> words = new ArrayList<>();
        for (int n = 0; n < CSR_PROBES; n++) {
            words.add(0x00002573 | (11 << 15) | (n << 20)); // csrrs a0,<n>,a1: learns objdump's CSR names
        }
        int firstTested = words.size();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int n = 0; n < random32; n++) {
            words.add(random32(rnd));
        }
        List<Op> rows32 = new ArrayList<>();
        for (Op op : Op.values()) {
            if (op.length() == 4) {
                rows32.add(op);
            }
        }
        for (int n = 0; n < random32; n++) {
            Op op = rows32.get(rnd.nextInt(rows32.size()));
            int w = op.match() | (rnd.nextInt() & ~op.mask());
            words.add(legal32(w) ? w : random32(rnd));
        }
        int lowHalves = 0;
        for (int h = 0; h < (1 << 16); h++) {
            if (legal32(h)) { // every low half-word of a 32-bit instruction, once, with a random upper half
                words.add(h | (rnd.nextInt() << 16));
                lowHalves++;
            }
        }
        for (int h = 0; h < (1 << 16); h++) {
            if ((h & 3) != 3) {
                words.add(h);
            }
        }

        List<String> objdump = runObjdump(dir, words);
        Map<String, Integer> csrNames = new HashMap<>();
        for (int n = 0; n < CSR_PROBES; n++) {
            String[] ops = objdump.get(n).split("\t", 2);
            if (ops.length == 2 && ops[0].equals("csrrs")) {
                String name = ops[1].split(",")[1];
                if (!name.startsWith("0x")) {
                    csrNames.put(name, n);
                }
            }
        }

        int compared = 0, mismatches = 0;
        int pc = 0;
        StringBuilder report = new StringBuilder();
        for (int k = 0; k < words.size(); k++) {
            int w = words.get(k);
            int len = Decoder.length(w);
            if (k >= firstTested) {
                String theirs = normaliseObjdump(objdump.get(k), w, csrNames);
                String ours = normaliseOurs(w, pc);
                compared++;
                if (!theirs.equals(ours)) {
                    mismatches++;
                    if (mismatches <= SHOW) {
                        report.append(String.format(Locale.ROOT, "  %s @0x%x: objdump [%s] ours [%s]%n",
                                len == 2 ? String.format(Locale.ROOT, "%04x", w) : String.format(Locale.ROOT, "%08x", w),
                                pc, theirs, ours));
                    }
                }
            }
            pc += len;
        }
        System.out.print(report);
        System.out.printf(Locale.ROOT, "objdump-diff: 32-bit words: %d uniform, %d drawn per row, %d one per low half-word;"
                + " %d compressed half-words (seed 0x%x)%n", random32, random32, lowHalves, compared - 2 * random32 - lowHalves, seed);
        System.out.printf(Locale.ROOT, "objdump-diff: %d compared, %d mismatches%n", compared, mismatches);
        System.exit(mismatches == 0 ? 0 : 1);
    }

    private static int random32(SplittableRandom rnd) {
        while (true) {
            int w = rnd.nextInt() | 3;
            if (legal32(w)) {
                return w;
            }
        }
    }

    /** A 32-bit encoding: low bits 11 and not the 48-bit-or-longer prefix xxx111 11. */
    private static boolean legal32(int w) {
        return (w & 3) == 3 && (w & 0x1c) != 0x1c;
    }

    /** Assembles and disassembles {@code words}; returns "mnemonic[\toperands]" per word, in order. */
    private static List<String> runObjdump(Path dir, List<Integer> words) throws IOException, InterruptedException {
        Path src = dir.resolve("words.s"), obj = dir.resolve("words.o"), dump = dir.resolve("words.dump");
        StringBuilder s = new StringBuilder(words.size() * 24);
        s.append("\t.text\n");
        for (int w : words) {
            s.append(Decoder.length(w) == 2
                    ? String.format(Locale.ROOT, "\t.insn 2, 0x%04x%n", w & 0xffff)
                    : String.format(Locale.ROOT, "\t.insn 4, 0x%08x%n", w));
        }
        Files.writeString(src, s, StandardCharsets.UTF_8);
        String as = System.getenv().getOrDefault("RISCV_AS", "riscv64-unknown-elf-as");
        String od = System.getenv().getOrDefault("RISCV_OBJDUMP", "riscv64-unknown-elf-objdump");
        run(dir, null, as, "-march=" + ARCH, "-mabi=ilp32", "-o", obj.toString(), src.toString());
        run(dir, dump, od, "-d", "-z", "-M", "no-aliases", obj.toString());

        List<String> out = new ArrayList<>(words.size());
        long expectedAddress = 0;
        for (String line : Files.readAllLines(dump, StandardCharsets.UTF_8)) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            long address = Long.parseLong(m.group(1), 16);
            if (address != expectedAddress) {
                throw new IllegalStateException("objdump lost sync at 0x" + m.group(1) + ": " + line);
            }
            expectedAddress += m.group(2).length() / 2;
            out.add(m.group(4) == null ? m.group(3) : m.group(3) + '\t' + m.group(4));
        }
        if (out.size() != words.size()) {
            throw new IllegalStateException("objdump printed " + out.size() + " instructions for " + words.size() + " words");
        }
        return out;
    }

    private static void run(Path dir, Path stdout, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.to(stdout.toFile()));
        int rc = pb.start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + rc);
        }
    }

    // ------------------------------------------------------------------ normalisation

    static String normaliseObjdump(String text, int word, Map<String, Integer> csrNames) {
        String[] parts = COMMENT.matcher(text).replaceFirst("").split("\t", 2);
        String mnemonic = parts[0];
        String operands = parts.length > 1 ? parts[1] : "";
        if (mnemonic.equals(".2byte") || mnemonic.equals(".4byte") || mnemonic.equals("c.unimp")
                || UNIMPLEMENTED.contains(mnemonic)) {
            return INVALID;
        }
        if (mnemonic.equals("unimp")) { // binutils prints csrrw zero,cycle,zero as unimp even without aliases
            mnemonic = "csrrw";
            operands = "zero,cycle,zero";
        }
        if (mnemonic.endsWith("64")) { // c.slli64 rd (shift by 0, a HINT on RV32): we print c.slli rd,0x0
            mnemonic = mnemonic.substring(0, mnemonic.length() - 2);
            operands = operands + ",0x0";
        }
        if (SHIFTS.contains(mnemonic) && shiftAmount(operands) >= 32) {
            return INVALID; // binutils ignores XLEN here; shamt[5] = 1 is reserved on RV32
        }
        if (mnemonic.equals("c.addi16sp") && operands.equals("sp,0")) {
            return INVALID; // reserved (nzimm = 0), binutils accepts it
        }
        operands = SYMBOLIC_TARGET.matcher(operands).replaceAll("0x$1");
        if (mnemonic.equals("fence")) {
            operands = operands.replace("unknown", "0");
        }
        if (isCsr(mnemonic)) {
            operands = csrToNumber(operands, name -> csrNames.getOrDefault(name, -1));
        }
        return operands.isEmpty() ? mnemonic : mnemonic + '\t' + operands;
    }

    static String normaliseOurs(int word, int pc) {
        Insn insn = Decoder.decode(word);
        if (insn == null || insn.op().ext() == Ext.XPULP) {
            return INVALID; // rows never overlap, so an Xpulp row means no RV32IMC row matches
        }
        if (insn.op() == Op.C_NOP) {
            return "c.addi\tzero,0";
        }
        String text = Disassembler.format(insn, pc);
        String[] parts = text.split("\t", 2);
        if (isCsr(parts[0])) {
            return parts[0] + '\t' + csrToNumber(parts[1], Csr::number);
        }
        return text;
    }

    private static int shiftAmount(String operands) {
        String last = operands.substring(operands.lastIndexOf(',') + 1);
        return Integer.decode(last);
    }

    private static boolean isCsr(String mnemonic) {
        return mnemonic.startsWith("csrr");
    }

    private static String csrToNumber(String operands, ToIntFunction<String> lookup) {
        String[] ops = operands.split(",");
        if (ops.length == 3 && !ops[1].startsWith("0x")) {
            int n = lookup.applyAsInt(ops[1]);
            if (n >= 0) {
                ops[1] = "0x" + Integer.toHexString(n);
            }
        }
        return String.join(",", ops);
    }
}
