package io.socsim.ita.math;

import java.util.Objects;

/** Requantisation constants of the six steps of one attention head. */
public record HeadRequant(Requant q, Requant k, Requant v, Requant qk, Requant av, Requant ow) {

    public HeadRequant {
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(v, "v");
        Objects.requireNonNull(qk, "qk");
        Objects.requireNonNull(av, "av");
        Objects.requireNonNull(ow, "ow");
    }
}
