package io.socsim.config;

import java.util.ArrayList;
import java.util.List;

/** Collects user errors so one load reports as many as it can find, each on its own line. */
final class Problems {

    private final List<String> lines = new ArrayList<>();

    void add(Origin where, String keyPath, String message) {
        lines.add(where + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + message);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    void throwIfAny() {
        if (!lines.isEmpty()) {
            throw new ConfigException(lines);
        }
    }
}
