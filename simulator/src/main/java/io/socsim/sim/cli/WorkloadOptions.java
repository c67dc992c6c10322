package io.socsim.sim.cli;

import io.socsim.sim.UserError;
import io.socsim.workloads.mobilebert.MobileBertConfig;
import picocli.CommandLine.Option;

/** Options of the built-in MobileBERT workload ({@code socsim run mobilebert}, {@code socsim compile mobilebert}). */
final class WorkloadOptions {

    @Option(names = "--layers", paramLabel = "N", description = "Run the first N layers only (default: all 24).")
    Integer layers;

    @Option(names = "--seq", paramLabel = "S", description = "Sequence length, a multiple of 16 (default: 128).")
    Integer seq;

    @Option(names = "--variant", paramLabel = "ita|original", description = "ita: V from the 128-wide bottleneck (default); original: V from the 512-wide input (its heads run on the cores).")
    String variant;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated weights and tokens.")
    Long seed;

    @Option(names = "--no-ita", description = "Map everything on the cores.")
    boolean noIta;

    /** True when any workload option was given. */
    boolean any() {
        return layers != null || seq != null || variant != null || seed != null || noIta;
    }

    MobileBertConfig config() {
        MobileBertConfig c = MobileBertConfig.defaults();
        try {
            if (layers != null) {
                c = c.withLayers(layers);
            }
            if (seq != null) {
                c = c.withSeq(seq);
            }
            if (seed != null) {
                c = c.withSeed(seed);
            }
            if (variant != null) {
                switch (variant) {
                    case "ita": c = c.withVariant(MobileBertConfig.Variant.ITA); break;
                    case "original": c = c.withVariant(MobileBertConfig.Variant.ORIGINAL); break;
                    default: throw new UserError("--variant must be 'ita' or 'original', not '" + variant + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return c;
    }
}
