package io.socsim.isa.asm;

import io.socsim.isa.Format;
import io.socsim.isa.Op;
import io.socsim.isa.Reg;
import io.socsim.isa.asm.ProgramBuilder.Operand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GNU-style text assembler for RV32IMC + Zicsr + Zifencei + XpulpV2 (RI5CY encoding), a front end
 * of {@link ProgramBuilder}.
 *
 * <p>Syntax: one statement per line (or several separated by {@code ;}), {@code #} and {@code //}
 * comments, any number of {@code label:} prefixes, numeric local labels ({@code 1:} with
 * {@code 1f}/{@code 1b}), ABI or {@code xN} register names, CSRs by name or number, expressions
 * with {@code + - * / % << >> & | ^ ~}, parentheses, {@code %hi()}/{@code %lo()} and {@code .}
 * (the current position). Branch and jump targets are labels or absolute addresses.
 *
 * <p>Deliberate differences from GNU as: plain mnemonics ({@code add}, {@code lw}, ...) are never
 * compressed, only {@code c.*} mnemonics produce 16-bit instructions, so {@code .option rvc} and
 * {@code .option norvc} are accepted and ignored (as are {@code .option push/pop/arch}, {@code .type},
 * {@code .size}, {@code .file}, {@code .ident}, {@code .attribute} and {@code .cfi_*}).
 * {@code .section} names starting with {@code .text}, {@code .data}/{@code .rodata}/{@code .sdata}
 * and {@code .bss}/{@code .sbss} are merged into {@code .text}, {@code .data} and {@code .bss};
 * other names become sections of their own. {@code .set} cannot redefine a symbol. {@code li} of a
 * symbol that is not yet a known constant always takes {@code lui}+{@code addi}.
 *
 * <p>All errors of a source are collected and thrown together as one {@link AssemblyException}.
 */
public final class Assembler {

    private int textBase = ProgramBuilder.DEFAULT_TEXT_BASE;
    private final Map<String, Integer> sectionBases = new LinkedHashMap<>();

    /** Address of {@code .text} (default 0x80000000). */
    public Assembler textBase(int address) {
        textBase = address;
        return this;
    }

    /** Places {@code .data} at a fixed address instead of right after {@code .text}. */
    public Assembler dataBase(int address) {
        return sectionBase(".data", address);
    }

    public Assembler sectionBase(String name, int address) {
        sectionBases.put(name, address);
        return this;
    }

    /** Assembles {@code source}, naming it {@code <input>} in error messages. */
    public Program assemble(String source) {
        return assemble("<input>", source);
    }

    public Program assemble(String fileName, String source) {
        ProgramBuilder b = new ProgramBuilder().textBase(textBase);
        sectionBases.forEach(b::sectionBase);
        return assemble(fileName, source, b);
    }

    public Program assemble(Path file) throws IOException {
        return assemble(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Assembles into a caller-configured builder (which may already hold code) and builds it. */
    public static Program assemble(String fileName, String source, ProgramBuilder builder) {
        new Run(fileName, builder).lines(source);
        return builder.build();
    }

    // ---------------------------------------------------------------- mnemonic tables

    private static final Map<String, List<Op>> BY_MNEMONIC = new HashMap<>();
    private static final Map<String, String> RENAMES = new HashMap<>();
    /** p.muls rd,rs1,rs2 and friends: the "...n" row with shift 0. */
    private static final Set<String> ZERO_SHIFT = Set.of("p.muls", "p.mulhhs", "p.mulu", "p.mulhhu", "p.macs", "p.machhs", "p.macu", "p.machhu");
    private static final Set<String> PSEUDOS = Set.of("nop", "unimp", "c.unimp", "li", "la", "lla", "mv", "not", "neg", "j", "jr", "ret", "call", "tail",
            "beqz", "bnez", "blez", "bgez", "bltz", "bgtz", "bgt", "ble", "bgtu", "bleu", "seqz", "snez", "sltz", "sgtz",
            "csrr", "csrw", "csrs", "csrc", "csrwi", "csrsi", "csrci", "rdcycle", "rdcycleh", "rdinstret", "rdinstreth", "rdtime", "rdtimeh");
    private static final Set<String> DIRECTIVES = Set.of(".text", ".data", ".bss", ".section", ".word", ".long", ".4byte", ".half",
            ".short", ".2byte", ".byte", ".space", ".zero", ".skip", ".align", ".p2align", ".balign", ".globl", ".global", ".weak",
            ".local", ".equ", ".set", ".string", ".asciz", ".ascii", ".option", ".type", ".size", ".file", ".ident", ".attribute", ".end");

    static {
        for (Op op : Op.values()) {
            BY_MNEMONIC.computeIfAbsent(op.mnemonic(), k -> new ArrayList<>()).add(op);
        }
        for (String m : List.of("mul", "mulh", "mulhu", "mulhsu", "div", "divu", "rem", "remu")) {
            RENAMES.put("p." + m, m);
        }
        for (String m : List.of("clip", "clipu", "extract", "extractu", "insert", "bset", "bclr",
                "addn", "addun", "addrn", "addurn", "subn", "subun", "subrn", "suburn")) {
            RENAMES.put("p." + m + "i", "p." + m);
        }
    }

    private static final Set<String> KNOWN_MNEMONICS = collectKnownMnemonics();

    /** Every mnemonic, pseudo-instruction and alias the assembler knows (for suggestions and tests). */
    static Set<String> knownMnemonics() {
        return KNOWN_MNEMONICS;
    }

    private static Set<String> collectKnownMnemonics() {
        Set<String> all = new TreeSet<>(BY_MNEMONIC.keySet());
        all.addAll(RENAMES.keySet());
        all.addAll(ZERO_SHIFT);
        all.addAll(PSEUDOS);
        return Collections.unmodifiableSet(all);
    }

    static String closest(String word, Iterable<String> candidates) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        int limit = Math.max(2, word.length() / 3);
        for (String c : candidates) {
            if (Math.abs(c.length() - word.length()) > limit) {
                continue; // the distance is at least the length difference: could never be suggested
            }
            int d = distance(word, c);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best != null && bestD <= limit ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** An error in the current line. */
    private static final class LineError extends RuntimeException {
        LineError(String message) {
            super(message, null, false, false);
        }
    }

    /** A memory operand {@code offset(base)} or {@code offset(base!)}; offset is "" when omitted. */
    private record Mem(String offset, int base, boolean postInc) {
    }

    // ---------------------------------------------------------------- one assembly run

    private static final class Run {
        private static final Pattern LABEL = Pattern.compile("^\\s*([A-Za-z_.$][A-Za-z0-9_.$]*|[0-9]+)\\s*:(?!:)");
        private static final Pattern ASSIGN = Pattern.compile("^\\s*([A-Za-z_.$][A-Za-z0-9_.$]*)\\s*=(?!=)(.*)$");

        private final String file;
        private final ProgramBuilder b;
        private final Map<Long, Label> prevLocal = new HashMap<>();
        private final Map<Long, Label> nextLocal = new HashMap<>();
        private boolean ended;

        Run(String file, ProgramBuilder b) {
            this.file = file;
            this.b = b;
            b.collectErrors();
        }

        void lines(String source) {
            String[] lines = source.split("\r?\n", -1);
            for (int i = 0; i < lines.length && !ended; i++) {
                String line = lines[i];
                b.source(new Source(file, i + 1, line.strip()));
                try {
                    for (String stmt : statements(stripComment(line))) {
                        statement(stmt);
                        if (ended) {
                            break;
                        }
                    }
                } catch (LineError e) {
                    b.error(e.getMessage());
                }
            }
            // A "1f" never followed by "1:" stays unbound and is reported as undefined by build().
            nextLocal.clear();
        }

        // ------------------------------------------------------------ lexical helpers

        static String stripComment(String line) {
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == '\\') {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '#' || (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/')) {
                    return line.substring(0, i);
                }
            }
            return line;
        }

        /** Splits on {@code ;} (GNU's statement separator) or, with {@code sep == ','}, on top-level commas. */
        static List<String> split(String s, char sep) {
            List<String> out = new ArrayList<>();
            int depth = 0, start = 0;
            char quote = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quote != 0) {
                    if (c == '\\') {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == sep && depth == 0) {
                    out.add(s.substring(start, i).strip());
                    start = i + 1;
                }
            }
            out.add(s.substring(start).strip());
            return out;
        }

        static List<String> statements(String line) {
            return split(line, ';');
        }

        // ------------------------------------------------------------ statements

        void statement(String stmt) {
            String rest = stmt;
            Matcher m;
            while ((m = LABEL.matcher(rest)).find()) {
                defineLabel(m.group(1));
                rest = rest.substring(m.end());
            }
            rest = rest.strip();
            if (rest.isEmpty()) {
                return;
            }
            if ((m = ASSIGN.matcher(rest)).matches()) {
                defineSymbol(m.group(1), m.group(2).strip());
                return;
            }
            int sp = 0;
            while (sp < rest.length() && !Character.isWhitespace(rest.charAt(sp))) {
                sp++;
            }
            String mnemonic = rest.substring(0, sp).toLowerCase(Locale.ROOT);
            String operandText = rest.substring(sp).strip();
            List<String> ops = operandText.isEmpty() ? List.of() : split(operandText, ',');
            for (String o : ops) {
                if (o.isEmpty()) {
                    throw new LineError("empty operand");
                }
            }
            if (mnemonic.startsWith(".")) {
                directive(mnemonic, ops, operandText);
            } else {
                instruction(mnemonic, ops);
            }
        }

        void defineLabel(String name) {
            if (Character.isDigit(name.charAt(0))) {
                long n = localNumber(name);
                Label l = nextLocal.remove(n);
                if (l == null) {
                    l = b.newLabel();
                }
                l.display = "local label " + n;
                l.definedAt = null;
                b.bind(l);
                prevLocal.put(n, l);
            } else {
                b.bind(b.label(name));
            }
        }

        void defineSymbol(String name, String exprText) {
            b.define(b.label(name), expr(exprText));
        }

        // ------------------------------------------------------------ directives

        void directive(String d, List<String> ops, String raw) {
            switch (d) {
                case ".text": case ".data": case ".bss": b.section(d); break;
                case ".section": {
                    need(!ops.isEmpty(), ".section needs a name");
                    b.section(canonicalSection(ops.get(0)));
                    break;
                }
                case ".word": case ".long": case ".4byte": data(ops, 4); break;
                case ".half": case ".short": case ".2byte": data(ops, 2); break;
                case ".byte": data(ops, 1); break;
                case ".space": case ".zero": case ".skip": {
                    need(ops.size() == 1 || (ops.size() == 2 && !d.equals(".zero")), d + " takes a size" + (d.equals(".zero") ? "" : " and an optional fill byte"));
                    b.space(intConst(ops.get(0)), ops.size() == 2 ? intConst(ops.get(1)) : 0);
                    break;
                }
                case ".align": case ".p2align": need(!ops.isEmpty(), d + " needs an exponent"); b.align(intConst(ops.get(0))); break;
                case ".balign": need(!ops.isEmpty(), ".balign needs a byte count"); b.balign(intConst(ops.get(0))); break;
                case ".globl": case ".global": case ".weak":
                    for (String s : ops) {
                        b.global(b.label(symbolName(s)));
                    }
                    break;
                case ".local": break;
                case ".equ": case ".set": {
                    need(ops.size() == 2, d + " takes a name and a value");
                    defineSymbol(symbolName(ops.get(0)), ops.get(1));
                    break;
                }
                case ".string": case ".asciz": case ".ascii": {
                    need(!ops.isEmpty(), d + " needs a string");
                    for (String s : ops) {
                        b.bytes(stringLiteral(s));
                        if (!d.equals(".ascii")) {
                            b.bytes((byte) 0);
                        }
                    }
                    break;
                }
                // Only c.* mnemonics compress, so rvc/norvc change nothing; the rest are bookkeeping for linkers/debuggers.
                case ".option": case ".type": case ".size": case ".file": case ".ident": case ".attribute": break;
                case ".end": ended = true; break;
                default:
                    if (d.startsWith(".cfi_")) {
                        break;
                    }
                    String near = closest(d, DIRECTIVES);
                    throw new LineError("unknown directive '" + d + "'" + (near != null ? " (did you mean '" + near + "'?)" : ""));
            }
        }

        static String canonicalSection(String name) {
            String n = name.replace("\"", "");
            if (n.equals(".text") || n.startsWith(".text.")) {
                return ".text";
            }
            for (String p : List.of(".data", ".rodata", ".sdata", ".srodata")) {
                if (n.equals(p) || n.startsWith(p + ".")) {
                    return ".data";
                }
            }
            for (String p : List.of(".bss", ".sbss")) {
                if (n.equals(p) || n.startsWith(p + ".")) {
                    return ".bss";
                }
            }
            return n;
        }

        void data(List<String> ops, int bytes) {
            need(!ops.isEmpty(), "expected at least one value");
            for (String o : ops) {
                Expr e = expr(o);
                var c = constant(e, o);
                if (c.isPresent()) {
                    long v = c.getAsLong(), min = -(1L << (8 * bytes - 1)), max = (1L << (8 * bytes)) - 1;
                    need(v >= min && v <= max, "value " + o + " does not fit in " + bytes + " byte(s)");
                    b.data((int) v, bytes);
                } else {
                    b.data(e, bytes);
                }
            }
        }

        static String symbolName(String s) {
            if (!s.matches("[A-Za-z_.$][A-Za-z0-9_.$]*")) {
                throw new LineError("bad symbol name '" + s + "'");
            }
            return s;
        }

        static byte[] stringLiteral(String s) {
            if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
                throw new LineError("expected a string in double quotes, got " + s);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int[] pos = {1};
            while (pos[0] < s.length() - 1) {
                int c = charAt(s, pos, s.length() - 1);
                if (c > 0xff) {
                    out.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(c);
                }
            }
            return out.toByteArray();
        }

        /** One possibly escaped character of a string or character literal; advances {@code pos[0]}. */
        static int charAt(String s, int[] pos, int end) {
            char c = s.charAt(pos[0]++);
            if (c != '\\') {
                return c;
            }
            if (pos[0] >= end) {
                throw new LineError("backslash at the end of a literal");
            }
            char e = s.charAt(pos[0]++);
            switch (e) {
                case 'n': return '\n';
                case 't': return '\t';
                case 'r': return '\r';
                case 'b': return '\b';
                case 'f': return '\f';
                case 'v': return 0x0b;
                case 'a': return 0x07;
                case 'x': {
                    int v = 0, n = 0;
                    while (pos[0] < end && Character.digit(s.charAt(pos[0]), 16) >= 0 && n < 2) {
                        v = v * 16 + Character.digit(s.charAt(pos[0]++), 16);
                        n++;
                    }
                    if (n == 0) {
                        throw new LineError("\\x without hex digits");
                    }
                    return v;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int n = 1; n < 3 && pos[0] < end && s.charAt(pos[0]) >= '0' && s.charAt(pos[0]) <= '7'; n++) {
                            v = v * 8 + (s.charAt(pos[0]++) - '0');
                        }
                        return v & 0xff;
                    }
                    return e; // \\ \" \' and anything else stand for themselves
            }
        }

        // ------------------------------------------------------------ instructions

        void instruction(String mn, List<String> ops) {
            if (PSEUDOS.contains(mn)) {
                pseudo(mn, ops);
                return;
            }
            if (ZERO_SHIFT.contains(mn)) {
                need(ops.size() == 3, mn + " takes rd, rs1, rs2");
                List<String> withShift = new ArrayList<>(ops);
                withShift.add("0");
                emitRow(BY_MNEMONIC.get(mn + "n").get(0), withShift);
                return;
            }
            String name = RENAMES.getOrDefault(mn, mn);
            List<Op> rows = BY_MNEMONIC.get(name);
            if (rows == null) {
                String near = closest(mn, knownMnemonics());
                throw new LineError("unknown mnemonic '" + mn + "'" + (near != null ? " (did you mean '" + near + "'?)" : ""));
            }
            if (rows.size() == 1) {
                emitRow(rows.get(0), ops);
                return;
            }
            // p.lX / p.sX: the shape of the memory operand picks the row.
            need(ops.size() == 2, mn + " takes " + (name.startsWith("p.s") ? "rs2, offset(rs1[!])" : "rd, offset(rs1[!])"));
            Mem m = mem(ops.get(1));
            boolean regOffset = Reg.parse(m.offset()) >= 0;
            if (!m.postInc() && !regOffset) {
                emitRow(BY_MNEMONIC.get(name.substring(2)).get(0), ops); // p.lw rd,imm(rs1) is plain lw
                return;
            }
            for (Op op : rows) {
                Format f = op.format();
                boolean post = f == Format.POST_LOAD_IMM || f == Format.POST_LOAD_REG || f == Format.POST_STORE_IMM || f == Format.POST_STORE_REG;
                boolean reg = f == Format.POST_LOAD_REG || f == Format.LOAD_REG || f == Format.POST_STORE_REG || f == Format.STORE_REG;
                if (post == m.postInc() && reg == regOffset) {
                    emitRow(op, ops);
                    return;
                }
            }
            throw new LineError(mn + " has no form with an immediate offset and no post-increment"); // unreachable with the table
        }

        private void emitRow(Op op, List<String> o) {
            String mn = op.mnemonic();
            int rd = 0, rs1 = 0, rs2 = 0;
            Operand imm = Operand.ZERO, imm2 = Operand.ZERO;
            switch (op.format()) {
                case R: count(o, 3, mn, "rd, rs1, rs2"); rd = reg(o.get(0)); rs1 = reg(o.get(1)); rs2 = reg(o.get(2)); break;
                case R2: count(o, 2, mn, "rd, rs1"); rd = reg(o.get(0)); rs1 = reg(o.get(1)); break;
                case I: case I_SHIFT: case R_UIMM5: case SIMD_IMM6S: case SIMD_IMM6U: case SIMD_IMM5U: case SIMD_IMM1U: case SIMD_IMM2U:
                    count(o, 3, mn, "rd, rs1, imm"); rd = reg(o.get(0)); rs1 = reg(o.get(1)); imm = imm(o.get(2)); break;
                case LOAD: case POST_LOAD_IMM: {
                    count(o, 2, mn, "rd, offset(rs1)");
                    rd = reg(o.get(0));
                    Mem m = mem(o.get(1));
                    checkPost(m, op.format() == Format.POST_LOAD_IMM, mn);
                    rs1 = m.base();
                    imm = offset(m);
                    break;
                }
                case STORE: case POST_STORE_IMM: {
                    count(o, 2, mn, "rs2, offset(rs1)");
                    rs2 = reg(o.get(0));
                    Mem m = mem(o.get(1));
                    checkPost(m, op.format() == Format.POST_STORE_IMM, mn);
                    rs1 = m.base();
                    imm = offset(m);
                    break;
                }
                case LOAD_REG: case POST_LOAD_REG: {
                    count(o, 2, mn, "rd, rs2(rs1)");
                    rd = reg(o.get(0));
                    Mem m = mem(o.get(1));
                    checkPost(m, op.format() == Format.POST_LOAD_REG, mn);
                    rs1 = m.base();
                    rs2 = reg(m.offset());
                    break;
                }
                case STORE_REG: case POST_STORE_REG: {
                    count(o, 2, mn, "rs2, rs3(rs1)");
                    rs2 = reg(o.get(0));
                    Mem m = mem(o.get(1));
                    checkPost(m, op.format() == Format.POST_STORE_REG, mn);
                    rs1 = m.base();
                    rd = reg(m.offset()); // the offset register travels in the rd field
                    break;
                }
                case BRANCH: count(o, 3, mn, "rs1, rs2, target"); rs1 = reg(o.get(0)); rs2 = reg(o.get(1)); imm = target(o.get(2)); break;
                case U: count(o, 2, mn, "rd, imm20"); rd = reg(o.get(0)); imm = imm(o.get(1)); break;
                case J:
                    if (o.size() == 1) {
                        rd = Reg.RA;
                        imm = target(o.get(0));
                    } else {
                        count(o, 2, mn, "[rd,] target");
                        rd = reg(o.get(0));
                        imm = target(o.get(1));
                    }
                    break;
                case JALR:
                    if (o.size() == 1) { // jalr rs1
                        rd = Reg.RA;
                        rs1 = reg(o.get(0));
                    } else if (o.size() == 2 && isReg(o.get(1))) { // jalr rd, rs1
                        rd = reg(o.get(0));
                        rs1 = reg(o.get(1));
                    } else if (o.size() == 2) { // jalr rd, imm(rs1)
                        rd = reg(o.get(0));
                        Mem m = mem(o.get(1));
                        checkPost(m, false, mn);
                        rs1 = m.base();
                        imm = offset(m);
                    } else {
                        count(o, 3, mn, "rd, offset(rs1)");
                        rd = reg(o.get(0));
                        rs1 = reg(o.get(1));
                        imm = imm(o.get(2));
                    }
                    break;
                case CSR: count(o, 3, mn, "rd, csr, rs1"); rd = reg(o.get(0)); imm = Operand.of(csr(o.get(1))); rs1 = reg(o.get(2)); break;
                case CSRI: count(o, 3, mn, "rd, csr, uimm5"); rd = reg(o.get(0)); imm = Operand.of(csr(o.get(1))); imm2 = imm(o.get(2)); break;
                case FENCE:
                    if (o.isEmpty()) {
                        imm = Operand.of(15);
                        imm2 = Operand.of(15);
                    } else {
                        count(o, 2, mn, "[pred, succ]");
                        imm = Operand.of(fenceSet(o.get(0)));
                        imm2 = Operand.of(fenceSet(o.get(1)));
                    }
                    break;
                case NONE: case C_NONE: count(o, 0, mn, "no operands"); break;
                case HWLOOP_ADDR: count(o, 2, mn, "L, target"); rd = loop(o.get(0)); imm = target(o.get(1)); break;
                case HWLOOP_COUNT: count(o, 2, mn, "L, rs1"); rd = loop(o.get(0)); rs1 = reg(o.get(1)); break;
                case HWLOOP_COUNTI: count(o, 2, mn, "L, count"); rd = loop(o.get(0)); imm = imm(o.get(1)); break;
                case HWLOOP_SETUP: count(o, 3, mn, "L, rs1, end"); rd = loop(o.get(0)); rs1 = reg(o.get(1)); imm = target(o.get(2)); break;
                case HWLOOP_SETUPI: count(o, 3, mn, "L, count, end"); rd = loop(o.get(0)); imm = imm(o.get(1)); imm2 = target(o.get(2)); break;
                case BITFIELD: // binutils order: rd, rs1, Is3, Is2
                    count(o, 4, mn, "rd, rs1, Is3, Is2"); rd = reg(o.get(0)); rs1 = reg(o.get(1)); imm2 = imm(o.get(2)); imm = imm(o.get(3)); break;
                case R_NORM: count(o, 4, mn, "rd, rs1, rs2, Is3"); rd = reg(o.get(0)); rs1 = reg(o.get(1)); rs2 = reg(o.get(2)); imm2 = imm(o.get(3)); break;
                case BRANCH_IMM: count(o, 3, mn, "rs1, simm5, target"); rs1 = reg(o.get(0)); imm2 = imm(o.get(1)); imm = target(o.get(2)); break;
                // Compressed: operands are given in their expanded meaning (see Format).
                case C_ADDI4SPN: count(o, 3, mn, "rd', sp, uimm"); rd = reg(o.get(0)); rs1 = reg(o.get(1)); imm = imm(o.get(2)); break;
                case C_LW: case C_LWSP: {
                    count(o, 2, mn, op.format() == Format.C_LW ? "rd', offset(rs1')" : "rd, offset(sp)");
                    rd = reg(o.get(0));
                    Mem m = mem(o.get(1));
                    checkPost(m, false, mn);
                    rs1 = m.base();
                    need(op.format() == Format.C_LW || rs1 == Reg.SP, mn + " base register must be sp");
                    imm = offset(m);
                    break;
                }
                case C_SW: case C_SWSP: {
                    count(o, 2, mn, op.format() == Format.C_SW ? "rs2', offset(rs1')" : "rs2, offset(sp)");
                    rs2 = reg(o.get(0));
                    Mem m = mem(o.get(1));
                    checkPost(m, false, mn);
                    rs1 = m.base();
                    need(op.format() == Format.C_SW || rs1 == Reg.SP, mn + " base register must be sp");
                    imm = offset(m);
                    break;
                }
                case C_ADDI: case C_SLLI: case C_SRLI: case C_SRAI: case C_ANDI:
                    count(o, 2, mn, "rd, imm"); rd = rs1 = reg(o.get(0)); imm = imm(o.get(1)); break;
                case C_LI: case C_LUI: count(o, 2, mn, "rd, imm"); rd = reg(o.get(0)); imm = imm(o.get(1)); break;
                case C_ADDI16SP:
                    if (o.size() == 2) {
                        need(reg(o.get(0)) == Reg.SP, mn + " only adds to sp");
                        imm = imm(o.get(1));
                    } else {
                        count(o, 1, mn, "sp, imm");
                        imm = imm(o.get(0));
                    }
                    rd = rs1 = Reg.SP;
                    break;
                case C_JAL: case C_J: count(o, 1, mn, "target"); rd = op == Op.C_JAL ? Reg.RA : 0; imm = target(o.get(0)); break;
                case C_ARITH: case C_ADD: count(o, 2, mn, "rd, rs2"); rd = rs1 = reg(o.get(0)); rs2 = reg(o.get(1)); break;
                case C_MV: count(o, 2, mn, "rd, rs2"); rd = reg(o.get(0)); rs2 = reg(o.get(1)); break;
                case C_BRANCH: count(o, 2, mn, "rs1', target"); rs1 = reg(o.get(0)); imm = target(o.get(1)); break;
                case C_JR: case C_JALR: count(o, 1, mn, "rs1"); rs1 = reg(o.get(0)); rd = op == Op.C_JALR ? Reg.RA : 0; break;
                default: throw new LineError("no text syntax for format " + op.format());
            }
            b.emit(op, rd, rs1, rs2, imm, imm2);
        }

        private void pseudo(String mn, List<String> o) {
            switch (mn) {
                case "nop": count(o, 0, mn, "no operands"); b.nop(); break;
                // the canonical illegal instructions: csrrw zero,cycle,zero (a write to a read-only CSR) and the all-zero half-word
                case "unimp": count(o, 0, mn, "no operands"); b.emit(Op.CSRRW, 0, 0, 0, 0xc00, 0); break;
                case "c.unimp": count(o, 0, mn, "no operands"); b.half(0); break;
                case "li": {
                    count(o, 2, mn, "rd, imm");
                    int rd = reg(o.get(0));
                    Expr e = immExpr(o.get(1));
                    var c = constant(e, o.get(1));
                    if (c.isPresent()) {
                        b.li(rd, to32(c.getAsLong(), o.get(1)));
                    } else {
                        b.emit(Op.LUI, rd, 0, 0, Operand.abs(new Expr.Hi(e)), Operand.ZERO);
                        b.emit(Op.ADDI, rd, rd, 0, Operand.abs(new Expr.Lo(e)), Operand.ZERO);
                    }
                    break;
                }
                case "la": case "lla": {
                    count(o, 2, mn, "rd, symbol");
                    int rd = reg(o.get(0));
                    b.pcRelPair(Op.ADDI, rd, rd, immExpr(o.get(1)));
                    break;
                }
                case "call": count(o, 1, mn, "symbol"); b.pcRelPair(Op.JALR, Reg.RA, Reg.RA, immExpr(o.get(0))); break;
                case "tail": count(o, 1, mn, "symbol"); b.pcRelPair(Op.JALR, Reg.T1, 0, immExpr(o.get(0))); break;
                case "mv": count(o, 2, mn, "rd, rs"); b.addi(reg(o.get(0)), reg(o.get(1)), 0); break;
                case "not": count(o, 2, mn, "rd, rs"); b.xori(reg(o.get(0)), reg(o.get(1)), -1); break;
                case "neg": count(o, 2, mn, "rd, rs"); b.sub(reg(o.get(0)), 0, reg(o.get(1))); break;
                case "seqz": count(o, 2, mn, "rd, rs"); b.sltiu(reg(o.get(0)), reg(o.get(1)), 1); break;
                case "snez": count(o, 2, mn, "rd, rs"); b.sltu(reg(o.get(0)), 0, reg(o.get(1))); break;
                case "sltz": count(o, 2, mn, "rd, rs"); b.slt(reg(o.get(0)), reg(o.get(1)), 0); break;
                case "sgtz": count(o, 2, mn, "rd, rs"); b.slt(reg(o.get(0)), 0, reg(o.get(1))); break;
                case "j": count(o, 1, mn, "target"); b.emit(Op.JAL, 0, 0, 0, target(o.get(0)), Operand.ZERO); break;
                case "jr": count(o, 1, mn, "rs"); b.jalr(0, reg(o.get(0)), 0); break;
                case "ret": count(o, 0, mn, "no operands"); b.ret(); break;
                case "beqz": branch1(Op.BEQ, o, mn, false); break;
                case "bnez": branch1(Op.BNE, o, mn, false); break;
                case "bgez": branch1(Op.BGE, o, mn, false); break;
                case "bltz": branch1(Op.BLT, o, mn, false); break;
                case "blez": branch1(Op.BGE, o, mn, true); break;
                case "bgtz": branch1(Op.BLT, o, mn, true); break;
                case "bgt": branchSwap(Op.BLT, o, mn); break;
                case "ble": branchSwap(Op.BGE, o, mn); break;
                case "bgtu": branchSwap(Op.BLTU, o, mn); break;
                case "bleu": branchSwap(Op.BGEU, o, mn); break;
                case "csrr": count(o, 2, mn, "rd, csr"); b.emit(Op.CSRRS, reg(o.get(0)), 0, 0, csr(o.get(1)), 0); break;
                case "csrw": csrWrite(Op.CSRRW, Op.CSRRWI, o, mn); break;
                case "csrs": csrWrite(Op.CSRRS, Op.CSRRSI, o, mn); break;
                case "csrc": csrWrite(Op.CSRRC, Op.CSRRCI, o, mn); break;
                case "csrwi": csrWrite(null, Op.CSRRWI, o, mn); break;
                case "csrsi": csrWrite(null, Op.CSRRSI, o, mn); break;
                case "csrci": csrWrite(null, Op.CSRRCI, o, mn); break;
                default: { // rdcycle, rdinstret, rdtime and their high halves
                    count(o, 1, mn, "rd");
                    b.emit(Op.CSRRS, reg(o.get(0)), 0, 0, CsrNames.number(mn.substring(2)), 0);
                }
            }
        }

        private void branch1(Op op, List<String> o, String mn, boolean zeroFirst) {
            count(o, 2, mn, "rs, target");
            int r = reg(o.get(0));
            b.emit(op, 0, zeroFirst ? 0 : r, zeroFirst ? r : 0, target(o.get(1)), Operand.ZERO);
        }

        private void branchSwap(Op op, List<String> o, String mn) {
            count(o, 3, mn, "rs, rt, target");
            b.emit(op, 0, reg(o.get(1)), reg(o.get(0)), target(o.get(2)), Operand.ZERO);
        }

        /** csrw/csrs/csrc take a register, or (like GNU) an immediate which selects the ...i form. */
        private void csrWrite(Op regForm, Op immForm, List<String> o, String mn) {
            count(o, 2, mn, "csr, " + (regForm == null ? "uimm5" : "rs"));
            int csr = csr(o.get(0));
            if (regForm != null && isReg(o.get(1))) {
                b.emit(regForm, 0, reg(o.get(1)), 0, csr, 0);
            } else {
                b.emit(immForm, 0, 0, 0, Operand.of(csr), imm(o.get(1)));
            }
        }

        // ------------------------------------------------------------ operands

        static void count(List<String> o, int n, String mn, String syntax) {
            if (o.size() != n) {
                throw new LineError(mn + " takes " + n + " operand" + (n == 1 ? "" : "s") + " (" + syntax + "), got " + o.size());
            }
        }

        static void need(boolean ok, String message) {
            if (!ok) {
                throw new LineError(message);
            }
        }

        static boolean isReg(String s) {
            return Reg.parse(s) >= 0;
        }

        static int reg(String s) {
            int r = Reg.parse(s);
            if (r < 0) {
                throw new LineError("bad register '" + s + "'");
            }
            return r;
        }

        static int loop(String s) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            switch (t) {
                case "0": case "x0": case "zero": return 0;
                case "1": case "x1": case "ra": return 1;
                default: throw new LineError("hardware loop index must be x0/x1 (or 0/1), not '" + s + "'");
            }
        }

        static int fenceSet(String s) {
            if (s.strip().equals("0")) {
                return 0; // the empty set, as the disassembler prints it
            }
            int v = 0;
            for (char c : s.strip().toLowerCase(Locale.ROOT).toCharArray()) {
                int bit = "wroi".indexOf(c);
                if (bit < 0) {
                    throw new LineError("fence set '" + s + "' may only contain i, o, r, w");
                }
                v |= 1 << bit;
            }
            return v;
        }

        int csr(String s) {
            int n = CsrNames.number(s.strip());
            if (n >= 0) {
                return n;
            }
            Expr e = immExprOrNull(s);
            if (e == null || constant(e, s).isEmpty()) {
                String near = closest(s.strip().toLowerCase(Locale.ROOT), CsrNames.names());
                throw new LineError("unknown CSR '" + s + "'" + (near != null ? " (did you mean '" + near + "'?)" : ""));
            }
            long v = constant(e, s).getAsLong();
            need(v >= 0 && v < 4096, "CSR number " + v + " is not in [0, 4095]");
            return (int) v;
        }

        Mem mem(String s) {
            String t = s.strip();
            need(t.endsWith(")"), "expected a memory operand offset(base), got '" + s + "'");
            int depth = 0, open = -1;
            for (int i = t.length() - 1; i >= 0; i--) {
                char c = t.charAt(i);
                if (c == ')') {
                    depth++;
                } else if (c == '(' && --depth == 0) {
                    open = i;
                    break;
                }
            }
            need(open >= 0, "unbalanced parentheses in '" + s + "'");
            String base = t.substring(open + 1, t.length() - 1).strip();
            boolean post = base.endsWith("!");
            if (post) {
                base = base.substring(0, base.length() - 1).strip();
            }
            return new Mem(t.substring(0, open).strip(), reg(base), post);
        }

        static void checkPost(Mem m, boolean wanted, String mn) {
            if (m.postInc() != wanted) {
                throw new LineError(wanted ? mn + " needs a post-increment base '(rs1!)'" : mn + " has no post-increment form here");
            }
        }

        Operand offset(Mem m) {
            return m.offset().isEmpty() ? Operand.ZERO : imm(m.offset());
        }

        /** An immediate operand; a constant is checked to fit 32 bits, anything else is resolved at build time. */
        Operand imm(String s) {
            Expr e = immExpr(s);
            var c = constant(e, s);
            return c.isPresent() ? Operand.of(to32(c.getAsLong(), s)) : Operand.abs(e);
        }

        Expr immExpr(String s) {
            if (isReg(s)) {
                throw new LineError("expected an immediate or symbol, got register '" + s.strip() + "'");
            }
            return expr(s);
        }

        private Expr immExprOrNull(String s) {
            try {
                return expr(s);
            } catch (LineError e) {
                return null;
            }
        }

        /** A branch or jump target: a label or an absolute address, turned into an offset at build time. */
        Operand target(String s) {
            return Operand.pcRel(immExpr(s));
        }

        /** A value that must be known now (sizes, alignments): numbers and constants defined earlier. */
        int intConst(String s) {
            var c = constant(expr(s), s);
            need(c.isPresent(), "'" + s.strip() + "' must be a constant known at this point");
            return to32(c.getAsLong(), s);
        }

        static int to32(long v, String text) {
            if (v < Integer.MIN_VALUE || v > 0xffffffffL) {
                throw new LineError("value " + text.strip() + " does not fit in 32 bits");
            }
            return (int) v;
        }

        Expr expr(String s) {
            return new ExprParser(s).parseAll();
        }

        /** {@link Expr#constant()}, with a division by zero among constants reported on this line. */
        static OptionalLong constant(Expr e, String text) {
            try {
                return e.constant();
            } catch (ArithmeticException x) {
                throw new LineError(x.getMessage() + " in '" + text.strip() + "'");
            }
        }

        /** Recursive-descent parser for operand expressions (C precedence, GNU as operators). */
        private final class ExprParser {
            private final String s;
            private int p;

            ExprParser(String s) {
                this.s = s;
            }

            Expr parseAll() {
                Expr e = or();
                skip();
                if (p != s.length()) {
                    throw new LineError("unexpected '" + s.substring(p) + "' in expression '" + s.strip() + "'");
                }
                return e;
            }

            private void skip() {
                while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                    p++;
                }
            }

            private boolean eat(String tok) {
                skip();
                if (s.startsWith(tok, p)) {
                    p += tok.length();
                    return true;
                }
                return false;
            }

            private Expr or() {
                Expr e = xor();
                while (peekSingle('|')) {
                    e = new Expr.Bin('|', e, xor());
                }
                return e;
            }

            private Expr xor() {
                Expr e = and();
                while (eat("^")) {
                    e = new Expr.Bin('^', e, and());
                }
                return e;
            }

            private Expr and() {
                Expr e = shift();
                while (peekSingle('&')) {
                    e = new Expr.Bin('&', e, shift());
                }
                return e;
            }

            private boolean peekSingle(char c) {
                skip();
                if (p < s.length() && s.charAt(p) == c && (p + 1 >= s.length() || s.charAt(p + 1) != c)) {
                    p++;
                    return true;
                }
                return false;
            }

            private Expr shift() {
                Expr e = additive();
                while (true) {
                    if (eat("<<")) {
                        e = new Expr.Bin('<', e, additive());
                    } else if (eat(">>")) {
                        e = new Expr.Bin('>', e, additive());
                    } else {
                        return e;
                    }
                }
            }

            private Expr additive() {
                Expr e = term();
                while (true) {
                    if (eat("+")) {
                        e = new Expr.Bin('+', e, term());
                    } else if (eat("-")) {
                        e = new Expr.Bin('-', e, term());
                    } else {
                        return e;
                    }
                }
            }

            private Expr term() {
                Expr e = unary();
                while (true) {
                    if (eat("*")) {
                        e = new Expr.Bin('*', e, unary());
                    } else if (eat("/")) {
                        e = new Expr.Bin('/', e, unary());
                    } else if (peekPercentOp()) {
                        e = new Expr.Bin('%', e, unary());
                    } else {
                        return e;
                    }
                }
            }

            /** '%' as modulo, not the start of %hi/%lo. */
            private boolean peekPercentOp() {
                skip();
                if (p < s.length() && s.charAt(p) == '%' && !(p + 1 < s.length() && Character.isLetter(s.charAt(p + 1)))) {
                    p++;
                    return true;
                }
                return false;
            }

            private Expr unary() {
                if (eat("-")) {
                    return new Expr.Unary('-', unary());
                }
                if (eat("~")) {
                    return new Expr.Unary('~', unary());
                }
                if (eat("+")) {
                    return unary();
                }
                return primary();
            }

            private Expr primary() {
                skip();
                if (p >= s.length()) {
                    throw new LineError("missing value in expression '" + s.strip() + "'");
                }
                char c = s.charAt(p);
                if (c == '(') {
                    p++;
                    Expr e = or();
                    if (!eat(")")) {
                        throw new LineError("missing ')' in '" + s.strip() + "'");
                    }
                    return e;
                }
                if (c == '%') {
                    int start = ++p;
                    while (p < s.length() && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_')) {
                        p++;
                    }
                    String fn = s.substring(start, p).toLowerCase(Locale.ROOT);
                    if (!eat("(")) {
                        throw new LineError("expected '(' after %" + fn);
                    }
                    Expr arg = or();
                    if (!eat(")")) {
                        throw new LineError("missing ')' after %" + fn + "(");
                    }
                    switch (fn) {
                        case "hi": return new Expr.Hi(arg);
                        case "lo": return new Expr.Lo(arg);
                        default: throw new LineError("unsupported relocation operator %" + fn + " (use %hi, %lo, or the la/call pseudo-instructions)");
                    }
                }
                if (c == '\'') {
                    int[] pos = {p + 1};
                    if (pos[0] >= s.length()) {
                        throw new LineError("unterminated character literal");
                    }
                    int v = charAt(s, pos, s.length());
                    if (pos[0] < s.length() && s.charAt(pos[0]) == '\'') {
                        pos[0]++;
                    }
                    p = pos[0];
                    return Expr.num(v);
                }
                if (Character.isDigit(c)) {
                    return number();
                }
                if (c == '.' && (p + 1 >= s.length() || !isSymChar(s.charAt(p + 1)))) {
                    p++;
                    return Expr.sym(b.here()); // the current position
                }
                if (Character.isLetter(c) || c == '_' || c == '.' || c == '$') {
                    int start = p;
                    while (p < s.length() && isSymChar(s.charAt(p))) {
                        p++;
                    }
                    String name = s.substring(start, p);
                    if (isReg(name)) {
                        throw new LineError("register '" + name + "' cannot be used in an expression");
                    }
                    return Expr.sym(b.label(name));
                }
                throw new LineError("unexpected '" + s.substring(p) + "' in expression '" + s.strip() + "'");
            }

            private boolean isSymChar(char c) {
                return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
            }

            private Expr number() {
                int start = p;
                while (p < s.length() && isSymChar(s.charAt(p))) {
                    p++;
                }
                String t = s.substring(start, p).toLowerCase(Locale.ROOT);
                if (t.matches("[0-9]+[bf]")) { // numeric local label reference
                    long n = localNumber(t.substring(0, t.length() - 1));
                    return Expr.sym(t.endsWith("b") ? previousLocal(n) : nextLocal(n));
                }
                try {
                    long v;
                    if (t.startsWith("0x")) {
                        v = parseDigits(t.substring(2), 16);
                    } else if (t.startsWith("0b")) {
                        v = parseDigits(t.substring(2), 2);
                    } else if (t.length() > 1 && t.startsWith("0")) {
                        v = parseDigits(t.substring(1), 8); // GNU as: a leading 0 means octal
                    } else {
                        v = parseDigits(t, 10);
                    }
                    return Expr.num(v);
                } catch (NumberFormatException e) {
                    throw new LineError("bad number '" + s.substring(start, p) + "'");
                }
            }
        }

        /** Parses unsigned digits; anything beyond 63 bits could never fit an operand. */
        static long parseDigits(String digits, int radix) {
            long v = Long.parseUnsignedLong(digits, radix);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        }

        /** The number of a numeric local label ({@code 1:}, {@code 1b}, {@code 1f}). */
        static long localNumber(String digits) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new LineError("local label number " + digits + " is too large");
            }
        }

        Label previousLocal(long n) {
            Label l = prevLocal.get(n);
            if (l == null) {
                throw new LineError("local label " + n + "b refers to no earlier '" + n + ":'");
            }
            return l;
        }

        Label nextLocal(long n) {
            return nextLocal.computeIfAbsent(n, k -> {
                Label l = b.newLabel();
                l.display = "local label " + k + "f";
                l.definedAt = b.source(); // first reference, for the "never defined" error
                return l;
            });
        }
    }
}
