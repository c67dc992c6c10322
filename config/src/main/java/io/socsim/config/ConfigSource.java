package io.socsim.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * YAML text to load, with the name used in error messages and the directory against which a
 * relative {@code extends: other.yaml} is resolved.
 *
 * @param name      shown in messages: the file path as given, or {@code <preset>.yaml}
 * @param text      the YAML document
 * @param directory where relative {@code extends} files are looked up; empty for presets and strings
 */
public record ConfigSource(String name, String text, Optional<Path> directory) {

    public ConfigSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(directory, "directory");
    }

    /** A user file ({@code --config FILE}). */
    public static ConfigSource file(Path path) {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            Path dir = path.toAbsolutePath().getParent();
            return new ConfigSource(path.toString(), text, Optional.ofNullable(dir));
        } catch (NoSuchFileException e) {
            throw new ConfigException(path + ": no such configuration file");
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read: " + e.getMessage());
        }
    }

    /** A preset shipped with socsim, by name (see {@link Presets#names()}). */
    public static ConfigSource preset(String name) {
        if (!Presets.names().contains(name)) {
            String close = Suggest.closest(name, Presets.names());
            throw new ConfigException("unknown preset '" + name + "'; "
                    + (close != null ? "did you mean '" + close + "'? " : "")
                    + "available presets: " + String.join(", ", Presets.names()));
        }
        String resource = "presets/" + name + ".yaml";
        try (InputStream in = ConfigSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("preset resource missing from the build: " + resource);
            }
            return new ConfigSource(name + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8), Optional.empty());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read preset resource " + resource, e);
        }
    }

    /** YAML held in memory; {@code name} appears in messages. */
    public static ConfigSource string(String name, String text) {
        return new ConfigSource(name, text, Optional.empty());
    }
}
