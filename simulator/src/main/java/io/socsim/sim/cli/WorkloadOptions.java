package io.socsim.sim.cli;

import io.socsim.sim.UserError;
import io.socsim.workloads.mobilebert.MobileBertConfig;
import java.util.function.UnaryOperator;
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

    /** The workload configuration; a {@link UserError} naming the option when a value is out of range. */
    MobileBertConfig config() {
        MobileBertConfig c = MobileBertConfig.defaults();
        if (layers != null) {
            c = checked("--layers", c, x -> x.withLayers(layers));
        }
        if (seq != null) {
            c = checked("--seq", c, x -> x.withSeq(seq));
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
        return c;
    }

    /** {@code change} applied to {@code c}, its validation message prefixed with the option that asked for it. */
    static MobileBertConfig checked(String option, MobileBertConfig c, UnaryOperator<MobileBertConfig> change) {
        try {
            return change.apply(c);
        } catch (IllegalArgumentException e) {
            throw new UserError(option + ": " + e.getMessage());
        }
    }
}
