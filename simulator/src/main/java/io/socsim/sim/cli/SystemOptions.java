package io.socsim.sim.cli;

import io.socsim.config.ConfigException;
import io.socsim.config.ConfigLoader;
import io.socsim.config.ConfigSource;
import io.socsim.config.Presets;
import io.socsim.config.SocConfig;
import io.socsim.sim.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** The system description options shared by every command that simulates: preset, file, overrides. */
final class SystemOptions {

    /** Replaced per command by {@link #describeDefaults}; this text shows where that did not happen. */
    @Option(names = "--preset", paramLabel = "NAME", description = "System preset.")
    String preset;

    @Option(names = "--config", paramLabel = "FILE", description = "System description in YAML (may say 'extends: PRESET').")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one configuration key, e.g. --set memory.l1.size=128KiB (repeatable).")
    List<String> overrides = new ArrayList<>();

    /**
     * A command that mixes these options in. The mixin's help text is shared, but each command
     * has its own default preset, which its {@code --preset} help must name.
     */
    interface DefaultPreset {
        /** The default as the help states it, e.g. {@code ita-cluster}. */
        String defaultPresetHelp();
    }

    /** Rebuilds {@code --preset} of every {@link DefaultPreset} command under {@code cli} with its own default. */
    static void describeDefaults(CommandLine cli) {
        if (cli.getCommand() instanceof DefaultPreset d) {
            CommandSpec spec = cli.getCommandSpec();
            OptionSpec shared = spec.findOption("--preset");
            spec.remove(shared);
            spec.addOption(OptionSpec.builder(shared).description("System preset: " + String.join(", ", Presets.names())
                    + " (default: " + d.defaultPresetHelp() + "; none with --config).").build());
        }
        cli.getSubcommands().values().forEach(SystemOptions::describeDefaults);
    }

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
