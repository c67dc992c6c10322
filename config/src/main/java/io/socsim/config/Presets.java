package io.socsim.config;

import java.util.List;

/** The configurations shipped with socsim, stored as YAML resources under {@code presets/}. */
public final class Presets {

    /** Kept explicit: listing a resource directory is not reliable inside a jar. */
    private static final List<String> NAMES = List.of("ita-cluster", "pulp-cluster", "rv32-bare");

    private Presets() {
    }

    /** Preset names, sorted. */
    public static List<String> names() {
        return NAMES;
    }

    /** Loads and validates a preset; an unknown name gives a {@link ConfigException} listing the names. */
    public static SocConfig load(String name) {
        return ConfigLoader.load(ConfigSource.preset(name), List.of());
    }
}
