package io.socsim.workloads.mobilebert;

import java.nio.charset.StandardCharsets;

/**
 * SplitMix64, written out so that the generated model never depends on a JDK's random classes.
 * Every tensor gets its own stream, keyed by the seed and the tensor's name: a layer's values
 * are then the same whether 2 or 24 layers are generated, and in whatever order.
 */
final class Rng {

    private long state;

    private Rng(long state) {
        this.state = state;
    }

    static Rng of(long seed, String name) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the UTF-8 name
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return new Rng(mix(seed ^ mix(h)));
    }

    long nextLong() {
        state += 0x9e3779b97f4a7c15L;
        return mix(state);
    }

    /** Uniform in [0, bound); the 64-bit product keeps the bias below 2^-32. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [lo, hi]. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
