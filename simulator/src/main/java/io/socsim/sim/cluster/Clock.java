package io.socsim.sim.cluster;

/** The cluster's current cycle, shared by the components that stamp what they do with it. */
final class Clock {

    long now;
}
