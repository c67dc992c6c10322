package io.socsim.sim;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root (the folder holding tests/programs), found upwards from the working directory. */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    public static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("tests/programs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("tests/programs not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
