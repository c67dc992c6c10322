package io.socsim.workloads.mobilebert;

import io.socsim.workloads.mobilebert.MobileBertConfig.Variant;
import java.util.EnumMap;
import java.util.Map;

/** The full 24-layer, S = 128 models, generated once per test JVM and shared by the tests. */
final class Models {

    record Timed(MobileBertWeights weights, double generateSeconds) {
    }

    private static final Map<Variant, Timed> FULL = new EnumMap<>(Variant.class);

    private Models() {
    }

    static synchronized Timed full(Variant v) {
        return FULL.computeIfAbsent(v, k -> {
            long t0 = System.nanoTime();
            MobileBertWeights w = MobileBertWeights.generate(MobileBertConfig.defaults()
                    .withVariant(k));
            return new Timed(w, (System.nanoTime() - t0) / 1e9);
        });
    }

    /** A small model for the fast tests. */
    static MobileBertConfig small(Variant v) {
        return MobileBertConfig.defaults().withLayers(2).withSeq(32).withVariant(v);
    }
}
