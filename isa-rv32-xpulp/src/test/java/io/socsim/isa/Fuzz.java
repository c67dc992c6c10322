package io.socsim.isa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Settings shared by the fuzz campaigns of this module (docs/fuzzing.md). Every campaign draws
 * from a {@link SplittableRandom} seeded from {@code -Dsocsim.fuzz.seed} and its own name, so a
 * campaign gives the same inputs whatever else runs, and its size is its CI size times
 * {@code -Dsocsim.fuzz.scale}.
 */
public final class Fuzz {

    public static final String SEED_PROPERTY = "socsim.fuzz.seed";
    public static final String SCALE_PROPERTY = "socsim.fuzz.scale";
    public static final long DEFAULT_SEED = 0x5eed_2026L;
    /** Failures listed in an assertion message; the rest are only counted. */
    private static final int SHOWN = 10;

    private Fuzz() {
    }

    /** The master seed: {@code -Dsocsim.fuzz.seed} (decimal or 0x hex), else {@link #DEFAULT_SEED}. */
    public static long seed() {
        String text = System.getProperty(SEED_PROPERTY);
        return text == null || text.isBlank() ? DEFAULT_SEED : Long.decode(text.trim());
    }

    /** The size multiplier: {@code -Dsocsim.fuzz.scale} (a positive number, 1 by default). */
    public static double scale() {
        String text = System.getProperty(SCALE_PROPERTY);
        double scale = text == null || text.isBlank() ? 1 : Double.parseDouble(text.trim());
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException(SCALE_PROPERTY + " must be a positive number, got " + text);
        }
        return scale;
    }

    /** A campaign's number of inputs: its CI size times the scale, at least 1. */
    public static long size(long ciSize) {
        return Math.max(1, Math.round(ciSize * scale()));
    }

    /** The generator of campaign {@code name}: independent of the other campaigns' draws. */
    public static SplittableRandom random(String name) {
        return new SplittableRandom(seed() ^ name.hashCode() * 0x9e37_79b9_7f4a_7c15L);
    }

    /** How to reproduce a campaign, for failure messages. */
    public static String reproduce(String name) {
        return String.format(Locale.ROOT, "campaign %s, -D%s=0x%x -D%s=%s", name, SEED_PROPERTY, seed(),
                SCALE_PROPERTY, System.getProperty(SCALE_PROPERTY, "1"));
    }

    /**
     * Collects the failures of one campaign without an assertion per input (which would dominate
     * the run time); {@link #report} lists the first few.
     */
    public static final class Failures {
        private final List<String> shown = new ArrayList<>();
        private long count;

        public void add(String failure) {
            if (shown.size() < SHOWN) {
                shown.add(failure);
            }
            count++;
        }

        public long count() {
            return count;
        }

        /** Empty when nothing failed, else the count and the first failures, one per line. */
        public List<String> report() {
            if (count == 0) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            out.add(count + " failing input(s), first " + shown.size() + ":");
            out.addAll(shown);
            return out;
        }
    }

    /** A throwable as one line: its class, message and the frame that threw it. */
    public static String describe(Throwable t) {
        StackTraceElement[] at = t.getStackTrace();
        return t.getClass().getName() + ": " + t.getMessage() + (at.length > 0 ? " at " + at[0] : "");
    }
}
