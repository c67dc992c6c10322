package io.socsim.ita.golden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds {@code shared/golden/ita}. The repository clone has {@code shared/} beside it (locally
 * /work/main next to /work/shared, and the same layout in CI), so every ancestor of the working
 * directory is tried. The vectors are mandatory: if they cannot be found the caller fails.
 */
final class GoldenDirectory {

    static final String OVERRIDE_PROPERTY = "socsim.golden.ita";
    private static final Path RELATIVE = Path.of("shared", "golden", "ita");

    private GoldenDirectory() {
    }

    /** The golden directory; throws AssertionError with the places searched if it is absent. */
    static Path locate() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override).toAbsolutePath();
            if (!Files.isDirectory(p)) {
                throw new AssertionError("-D" + OVERRIDE_PROPERTY + "=" + override
                        + " is not a directory");
            }
            return p;
        }
        List<Path> tried = new ArrayList<>();
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve(RELATIVE);
            tried.add(candidate);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("ITA golden vectors not found. They are mandatory: expected "
                + RELATIVE + " in an ancestor of the repository (shared/ beside the clone) or "
                + "-D" + OVERRIDE_PROPERTY + "=<dir>. Tried: " + tried);
    }

    /** Every golden data file ({@code *.txt}) in the directory, sorted by name. */
    static List<Path> files() {
        Path dir = locate();
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new AssertionError("no *.txt golden files in " + dir);
            }
            return files;
        } catch (IOException e) {
            throw new AssertionError("cannot list " + dir + ": " + e, e);
        }
    }
}
