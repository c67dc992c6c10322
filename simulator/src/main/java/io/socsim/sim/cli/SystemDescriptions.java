package io.socsim.sim.cli;

import io.socsim.config.SocConfig;
import io.socsim.sim.SystemDescription;

/** What the system options chose, for report headers and the JSON {@code system} record. */
final class SystemDescriptions {

    private SystemDescriptions() {
    }

    /** The options' preset (or {@code defaultPreset} when neither a preset nor a file was given), file and overrides. */
    static SystemDescription of(SystemOptions options, String defaultPreset, SocConfig soc) {
        String file = options.config == null ? null : options.config.toString();
        String preset = file != null ? null : options.preset != null ? options.preset : defaultPreset;
        return new SystemDescription(preset, file, options.overrides, soc);
    }
}
