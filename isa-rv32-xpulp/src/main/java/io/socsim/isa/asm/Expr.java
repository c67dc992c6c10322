package io.socsim.isa.asm;

import java.util.OptionalLong;

/**
 * Assembler expressions, evaluated lazily so that they may refer to labels bound later. Values are
 * computed in {@code long} so that unsigned 32-bit constants such as 0xffffffff survive.
 */
sealed interface Expr {

    /** Gives label values; throws {@link Unresolved} for a label that has none (yet). */
    interface Resolver {
        long valueOf(Label label);
    }

    /** A label without a value. */
    final class Unresolved extends RuntimeException {
        final Label label;

        Unresolved(Label label, String message) {
            super(message, null, false, false);
            this.label = label;
        }
    }

    long eval(Resolver r);

    /**
     * The value when it does not depend on any section address (numbers and bound constants).
     * A symbol defined in terms of itself ({@code x = x + 1}) is no constant; build() reports it.
     *
     * @throws ArithmeticException for a division by zero among constants
     */
    default OptionalLong constant() {
        try {
            return OptionalLong.of(eval(new Constants()));
        } catch (Unresolved e) {
            return OptionalLong.empty();
        }
    }

    /** Follows constant definitions, with the same depth limit as the build-time resolver. */
    final class Constants implements Resolver {
        /** Deeper chains of definitions are taken as a cycle. */
        static final int MAX_DEPTH = 100;
        private int depth;

        @Override
        public long valueOf(Label l) {
            if (l.value == null || depth >= MAX_DEPTH) {
                throw new Unresolved(l, "not a constant");
            }
            depth++;
            try {
                return l.value.eval(this);
            } finally {
                depth--;
            }
        }
    }

    static Expr num(long v) {
        return new Num(v);
    }

    static Expr sym(Label l) {
        return new Sym(l);
    }

    static Expr plus(Expr a, long c) {
        return c == 0 ? a : new Bin('+', a, new Num(c));
    }

    static Expr minus(Expr a, Expr b) {
        return new Bin('-', a, b);
    }

    record Num(long v) implements Expr {
        public long eval(Resolver r) {
            return v;
        }
    }

    record Sym(Label label) implements Expr {
        public long eval(Resolver r) {
            return r.valueOf(label);
        }
    }

    record Unary(char op, Expr e) implements Expr {
        public long eval(Resolver r) {
            long v = e.eval(r);
            return op == '-' ? -v : op == '~' ? ~v : v;
        }
    }

    record Bin(char op, Expr a, Expr b) implements Expr {
        public long eval(Resolver r) {
            long x = a.eval(r), y = b.eval(r);
            switch (op) {
                case '+': return x + y;
                case '-': return x - y;
                case '*': return x * y;
                case '/': if (y == 0) throw new ArithmeticException("division by zero"); return x / y;
                case '%': if (y == 0) throw new ArithmeticException("division by zero"); return x % y;
                case '<': return x << y;
                case '>': return x >> y;
                case '&': return x & y;
                case '|': return x | y;
                case '^': return x ^ y;
                default: throw new IllegalStateException("operator " + op);
            }
        }
    }

    /** {@code %hi}: the upper 20 bits, rounded so that adding the sign-extended {@code %lo} gives the value. */
    record Hi(Expr e) implements Expr {
        public long eval(Resolver r) {
            return hi20((int) e.eval(r));
        }
    }

    /** {@code %lo}: the low 12 bits, sign-extended. */
    record Lo(Expr e) implements Expr {
        public long eval(Resolver r) {
            return lo12((int) e.eval(r));
        }
    }

    static int hi20(int v) {
        return ((v + 0x800) >>> 12) & 0xfffff;
    }

    static int lo12(int v) {
        return (v << 20) >> 20;
    }
}
