package io.socsim.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Energy coefficients of the power model (docs/power.md): dynamic energy per counted event in pJ
 * and leakage power per unit in mW, all given at {@code referenceVoltageV}. Every coefficient
 * carries its source, or the word ASSUMPTION followed by the reasoning.
 *
 * @param referenceVoltageV the supply voltage the coefficients are given at
 * @param coefficients      one entry per {@link Key}; the {@link Group#ITA} keys are all present
 *                          or all absent (a system without an accelerator need not price one)
 */
public record PowerConfig(double referenceVoltageV, Map<Key, Coefficient> coefficients) {

    /** Marks a coefficient no public source pins down; must open its source text. */
    public static final String ASSUMPTION = "ASSUMPTION";

    public PowerConfig {
        EnumMap<Key, Coefficient> copy = new EnumMap<>(Key.class);
        copy.putAll(coefficients);
        long ita = 0;
        for (Key k : Key.values()) {
            if (k.group() == Group.ITA) {
                ita += copy.containsKey(k) ? 1 : 0;
            } else if (!copy.containsKey(k)) {
                throw new IllegalArgumentException("missing power coefficient " + k.path());
            }
        }
        if (ita != 0 && ita != Key.count(Group.ITA)) {
            throw new IllegalArgumentException("power.ita must give all its coefficients or none");
        }
        coefficients = Collections.unmodifiableMap(copy);
    }

    /** The units that own coefficients, as they appear under {@code power:}. */
    public enum Group {
        CORE, L1, INTERCONNECT, L2, L3, DMA, ITA, CLUSTER;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Every coefficient, in the order the writer and the documentation list them. */
    public enum Key {
        CORE_ALU(Group.CORE, "alu_pj", "per ALU instruction (incl. CSR, system)"),
        CORE_LOAD(Group.CORE, "load_pj", "per load instruction, the core's part (L1/L2 priced apart)"),
        CORE_STORE(Group.CORE, "store_pj", "per store instruction, the core's part"),
        CORE_MUL(Group.CORE, "mul_pj", "per mul/mulh/div/rem instruction"),
        CORE_MAC(Group.CORE, "mac_pj", "per p.mac-family instruction"),
        CORE_SIMD_DOT(Group.CORE, "simd_dot_pj", "per pv.dot*/pv.sdot* instruction"),
        CORE_SIMD_OTHER(Group.CORE, "simd_other_pj", "per other pv.* instruction"),
        CORE_BRANCH(Group.CORE, "branch_pj", "per branch or jump"),
        CORE_FETCH(Group.CORE, "fetch_pj", "instruction fetch, per instruction"),
        CORE_STALL_CYCLE(Group.CORE, "stall_cycle_pj", "per clocked core cycle without issue"),
        CORE_GATED_CYCLE(Group.CORE, "gated_cycle_pj", "per clock-gated core cycle"),
        CORE_LEAKAGE(Group.CORE, "leakage_mw", "leakage of one core, mW"),
        L1_READ(Group.L1, "read_pj", "per 32-bit L1 bank read"),
        L1_WRITE(Group.L1, "write_pj", "per 32-bit L1 bank write"),
        L1_LEAKAGE(Group.L1, "leakage_mw", "leakage of the whole L1, mW"),
        INTERCONNECT_ACCESS(Group.INTERCONNECT, "access_pj", "per L1 access through the interconnect"),
        L2_BYTE(Group.L2, "byte_pj", "per byte read or written in L2"),
        L2_LEAKAGE(Group.L2, "leakage_mw", "leakage of the whole L2, mW"),
        L3_BYTE(Group.L3, "byte_pj", "per byte read or written in off-chip L3 (not voltage scaled)"),
        DMA_BYTE(Group.DMA, "byte_pj", "per byte moved by the cluster DMA"),
        ITA_MAC(Group.ITA, "mac_pj", "per ITA multiply-accumulate"),
        ITA_SOFTMAX_ELEMENT(Group.ITA, "softmax_element_pj", "per ITA softmax element"),
        ITA_IDLE_CYCLE(Group.ITA, "idle_cycle_pj", "per cycle ITA is present but idle"),
        ITA_LEAKAGE(Group.ITA, "leakage_mw", "leakage of ITA, mW"),
        CLUSTER_CYCLE(Group.CLUSTER, "cycle_pj", "per cluster cycle: clock tree root, event unit, peripherals"),
        CLUSTER_LEAKAGE(Group.CLUSTER, "leakage_mw", "leakage of the rest of the cluster, mW");

        private final Group group;
        private final String yamlName;
        private final String meaning;

        Key(Group group, String yamlName, String meaning) {
            this.group = group;
            this.yamlName = yamlName;
            this.meaning = meaning;
        }

        public Group group() {
            return group;
        }

        public String yamlName() {
            return yamlName;
        }

        public String meaning() {
            return meaning;
        }

        /** Leakage power in mW rather than energy per event in pJ. */
        public boolean isLeakage() {
            return yamlName.equals("leakage_mw");
        }

        /** The full configuration path, e.g. {@code power.core.alu_pj}. */
        public String path() {
            return "power." + group.yamlName() + "." + yamlName;
        }

        static long count(Group g) {
            long n = 0;
            for (Key k : values()) {
                n += k.group == g ? 1 : 0;
            }
            return n;
        }
    }

    /** The interval a sensitivity sweep explores for a coefficient. */
    public record Range(double low, double high) {
    }

    /**
     * One coefficient.
     *
     * @param value  pJ per event or mW of leakage, at the reference voltage; &gt;= 0
     * @param source where the value comes from, or ASSUMPTION and the reasoning
     * @param range  the sweep interval when given explicitly (containing value)
     */
    public record Coefficient(double value, String source, Optional<Range> range) {

        public Coefficient {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(range, "range");
        }

        public static Coefficient of(double value, String source) {
            return new Coefficient(value, source, Optional.empty());
        }

        public boolean isAssumption() {
            return isAssumption(source);
        }

        /** The sweep interval: the explicit range, else value +/- 50%. */
        public Range sweepRange() {
            return range.orElse(new Range(value * 0.5, value * 1.5));
        }

        static boolean isAssumption(String source) {
            return source.strip().regionMatches(true, 0, ASSUMPTION, 0, ASSUMPTION.length());
        }
    }

    public boolean hasIta() {
        return coefficients.containsKey(Key.ITA_MAC);
    }

    public Coefficient coefficient(Key k) {
        Coefficient c = coefficients.get(k);
        if (c == null) {
            throw new IllegalArgumentException(k.path() + " is not configured (no power.ita section)");
        }
        return c;
    }

    public double value(Key k) {
        return coefficient(k).value();
    }

    /** A copy with one value replaced (source and range kept): for sensitivity sweeps. */
    public PowerConfig withValue(Key k, double value) {
        Map<Key, Coefficient> m = new EnumMap<>(coefficients);
        Coefficient c = coefficient(k);
        m.put(k, new Coefficient(value, c.source(), c.range()));
        return new PowerConfig(referenceVoltageV, m);
    }

    /** Path to reasoning of every coefficient labelled ASSUMPTION, in key order. */
    public Map<String, String> assumptions() {
        Map<String, String> out = new LinkedHashMap<>();
        coefficients.forEach((k, c) -> {
            if (c.isAssumption()) {
                out.put(k.path(), c.source());
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
