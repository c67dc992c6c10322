package io.socsim.workloads.ita;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the accelerator authors' golden vectors ({@code shared/golden/ita}) in an ancestor of the
 * working directory, or at {@code -Dsocsim.golden.ita=<dir>}. They are mandatory: a missing
 * directory fails the test instead of skipping it.
 */
final class GoldenVectors {

    private GoldenVectors() {
    }

    static Path file(String name) {
        String override = System.getProperty("socsim.golden.ita");
        List<Path> tried = new ArrayList<>();
        if (override != null && !override.isBlank()) {
            tried.add(Path.of(override));
        } else {
            for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
                tried.add(d.resolve("shared").resolve("golden").resolve("ita"));
            }
        }
        for (Path dir : tried) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new AssertionError("golden file " + name + " not found; tried " + tried
                + " (set -Dsocsim.golden.ita=<dir>)");
    }
}
