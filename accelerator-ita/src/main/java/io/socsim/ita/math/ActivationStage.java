package io.socsim.ita.math;

import java.util.Objects;

/** An activation together with the constants it needs: what ITA's activation unit is set to. */
public record ActivationStage(Activation kind, Requant requant, GeluConstants gelu) {

    /** No activation (identity); the constants are PyITA's defaults and are not used. */
    public static final ActivationStage IDENTITY =
            new ActivationStage(Activation.IDENTITY, Requant.DEFAULT_ACTIVATION,
                    GeluConstants.DEFAULT);

    public ActivationStage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requant, "requant");
        Objects.requireNonNull(gelu, "gelu");
    }

    /** The activation with PyITA's default constants (requant 74/20/0, GELU -7091/-80/-7091). */
    public static ActivationStage withDefaults(Activation kind) {
        return new ActivationStage(kind, Requant.DEFAULT_ACTIVATION, GeluConstants.DEFAULT);
    }

    public int apply(int q) {
        return kind.apply(q, requant, gelu);
    }

    public void apply(Matrix8 in, Matrix8 out, int row0, int col0, int rowCount, int colCount) {
        kind.apply(in, out, row0, col0, rowCount, colCount, requant, gelu);
    }

    public Matrix8 apply(Matrix8 in) {
        return kind.apply(in, requant, gelu);
    }
}
