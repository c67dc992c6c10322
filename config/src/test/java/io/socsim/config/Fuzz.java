package io.socsim.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seed and size of this module's fuzz campaigns (docs/fuzzing.md); the same properties and rules
 * as {@code io.socsim.isa.Fuzz} in isa-rv32-xpulp, which this module cannot see:
 * {@code -Dsocsim.fuzz.seed} (decimal or 0x hex) and {@code -Dsocsim.fuzz.scale} (size multiplier).
 */
final class Fuzz {

    static final String SEED_PROPERTY = "socsim.fuzz.seed";
    static final String SCALE_PROPERTY = "socsim.fuzz.scale";
    static final long DEFAULT_SEED = 0x5eed_2026L;
    private static final int SHOWN = 10;

    private Fuzz() {
    }

    static long seed() {
        String text = System.getProperty(SEED_PROPERTY);
        return text == null || text.isBlank() ? DEFAULT_SEED : Long.decode(text.trim());
    }

    static long size(long ciSize) {
        String text = System.getProperty(SCALE_PROPERTY);
        double scale = text == null || text.isBlank() ? 1 : Double.parseDouble(text.trim());
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException(SCALE_PROPERTY + " must be a positive number, got " + text);
        }
        return Math.max(1, Math.round(ciSize * scale));
    }

    /** The generator of campaign {@code name}, independent of the other campaigns' draws. */
    static SplittableRandom random(String name) {
        return new SplittableRandom(seed() ^ name.hashCode() * 0x9e37_79b9_7f4a_7c15L);
    }

    static String reproduce(String name) {
        return String.format(Locale.ROOT, "campaign %s, -D%s=0x%x -D%s=%s", name, SEED_PROPERTY, seed(),
                SCALE_PROPERTY, System.getProperty(SCALE_PROPERTY, "1"));
    }

    /** Failures of one campaign: counted, the first few kept for the assertion message. */
    static final class Failures {
        private final List<String> shown = new ArrayList<>();
        private long count;

        void add(String failure) {
            if (shown.size() < SHOWN) {
                shown.add(failure);
            }
            count++;
        }

        List<String> report() {
            if (count == 0) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            out.add(count + " failing input(s), first " + shown.size() + ":");
            out.addAll(shown);
            return out;
        }
    }

    static String describe(Throwable t) {
        StackTraceElement[] at = t.getStackTrace();
        return t.getClass().getName() + ": " + t.getMessage() + (at.length > 0 ? " at " + at[0] : "");
    }
}
