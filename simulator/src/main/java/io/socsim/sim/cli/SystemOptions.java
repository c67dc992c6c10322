package io.socsim.sim.cli;

import io.socsim.config.ConfigException;
import io.socsim.config.ConfigLoader;
import io.socsim.config.ConfigSource;
import io.socsim.config.SocConfig;
import io.socsim.sim.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The system description options shared by every command that simulates: preset, file, overrides. */
final class SystemOptions {

    @Option(names = "--preset", paramLabel = "NAME",
            description = "System preset: rv32-bare, pulp-cluster, ita-cluster (default: rv32-bare unless --config is given).")
    String preset;

    @Option(names = "--config", paramLabel = "FILE", description = "System description in YAML (may say 'extends: PRESET').")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one configuration key, e.g. --set memory.l1.size=128KiB (repeatable).")
    List<String> overrides = new ArrayList<>();

    /** The fully resolved configuration, or a {@link UserError} naming file, line and key. */
    SocConfig resolve(String defaultPreset) {
        if (preset != null && config != null) {
            throw new UserError("give either --preset or --config, not both (a config file can say 'extends: " + preset + "')");
        }
        try {
            ConfigSource source;
            if (config != null) {
                if (Files.isDirectory(config)) {
                    throw new UserError("--config " + config + ": is a directory, not a YAML file");
                }
                if (!Files.exists(config)) {
                    throw new UserError("--config " + config + ": no such configuration file");
                }
                source = ConfigSource.file(config);
            } else {
                source = ConfigSource.preset(preset != null ? preset : defaultPreset);
            }
            return ConfigLoader.load(source, overrides);
        } catch (ConfigException e) {
            throw new UserError(e.getMessage());
        }
    }
}
