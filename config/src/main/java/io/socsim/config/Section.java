package io.socsim.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, checked access to one mapping of the tree. Every getter records the key it was asked
 * for, so {@link #finish()} knows the schema of the section and can name unknown keys with a
 * suggestion. A getter that finds a bad value records a problem and returns a harmless stand-in,
 * so loading goes on and reports every error at once.
 */
final class Section {

    private final Node.MapNode map;
    private final String path;
    private final Origin origin;
    private final Problems problems;
    private final Set<String> knownPaths;
    private final Set<String> asked = new LinkedHashSet<>();
    private final Set<String> failed = new HashSet<>();

    Section(Node.MapNode map, String path, Origin origin, Problems problems, Set<String> knownPaths) {
        this.map = map;
        this.path = path;
        this.origin = origin;
        this.problems = problems;
        this.knownPaths = knownPaths;
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Where {@code key} was written, or where this section starts when it is absent. */
    Origin at(String key) {
        Node.Entry e = map.entries().get(key);
        return e != null ? e.keyOrigin() : origin;
    }

    /** Records a problem about {@code key} at the key's position. */
    void error(String key, String message) {
        failed.add(key);
        problems.add(at(key), pathOf(key), message);
    }

    /**
     * True when none of {@code keys} had a problem: rules combining several values run only then,
     * so one bad value does not cascade into confusing follow-up errors.
     */
    boolean ok(String... keys) {
        for (String k : keys) {
            if (failed.contains(k)) {
                return false;
            }
        }
        return true;
    }

    /** Records a problem about the section itself. */
    void error(String message) {
        problems.add(origin, path, message);
    }

    boolean has(String key) {
        ask(key);
        Node.Entry e = map.entries().get(key);
        return e != null && !(e.value() instanceof Node.ScalarNode s && s.isNull());
    }

    /** A nested section, empty when absent or null. */
    Optional<Section> section(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        Node.Entry e = map.entries().get(key);
        if (e.value() instanceof Node.MapNode m) {
            return Optional.of(new Section(m, pathOf(key), e.keyOrigin(), problems, knownPaths));
        }
        error(key, "expected a section (key: value lines), got " + e.value().kind());
        return Optional.empty();
    }

    /**
     * A nested section whose absence or wrong kind is explained by {@code shape}, an example of
     * the expected form, such as {@code "{value: 1.5, source: ...}"}.
     */
    Optional<Section> requiredSection(String key, String shape) {
        if (!has(key)) {
            error(key, "required key is missing; expected " + shape);
            return Optional.empty();
        }
        if (!(map.entries().get(key).value() instanceof Node.MapNode)) {
            error(key, "expected " + shape + ", got " + map.entries().get(key).value().kind());
            return Optional.empty();
        }
        return section(key);
    }

    /** A nested section that must be present. */
    Optional<Section> requiredSection(String key) {
        if (!has(key)) {
            error(key, "required section is missing");
            return Optional.empty();
        }
        return section(key);
    }

    long integer(String key, Long fallback, long min, long max) {
        return number(key, fallback, min, max, Values::parseInteger, "integer");
    }

    /** A byte count; units and hex allowed. */
    long size(String key, Long fallback, long min, long max) {
        return number(key, fallback, min, max, Values::parseSize, "size");
    }

    /** A 32-bit address. */
    long address(String key, Long fallback) {
        Optional<Node.ScalarNode> s = scalar(key, fallback == null);
        if (s.isEmpty()) {
            return fallback == null ? 0 : fallback;
        }
        try {
            long v = Values.parseInteger(s.get().text());
            if (v < 0 || v > 0xFFFF_FFFFL) {
                error(key, s.get().text() + " is outside the 32-bit address space");
                return 0;
            }
            return v;
        } catch (IllegalArgumentException e) {
            error(key, e.getMessage());
            return 0;
        }
    }

    int cycles(String key, Integer fallback, int min) {
        return (int) integer(key, fallback == null ? null : (long) fallback, min, 1_000_000);
    }

    double decimal(String key, Double fallback) {
        Optional<Node.ScalarNode> s = scalar(key, fallback == null);
        if (s.isEmpty()) {
            return fallback == null ? Double.NaN : fallback;
        }
        try {
            return Values.parseDecimal(s.get().text());
        } catch (IllegalArgumentException e) {
            error(key, e.getMessage());
            return Double.NaN;
        }
    }

    boolean bool(String key, Boolean fallback) {
        Optional<Node.ScalarNode> s = scalar(key, fallback == null);
        if (s.isEmpty()) {
            return fallback != null && fallback;
        }
        String t = s.get().text();
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true");
        }
        error(key, "expected true or false, got '" + t + "'");
        return fallback != null && fallback;
    }

    String text(String key, String fallback) {
        Optional<Node.ScalarNode> s = scalar(key, fallback == null);
        return s.map(Node.ScalarNode::text).orElse(fallback == null ? "" : fallback);
    }

    /** One of a fixed set of lowercase words; a missing required word stands in as the first one. */
    <E> E choice(String key, E fallback, Map<String, E> allowed) {
        Optional<Node.ScalarNode> s = scalar(key, fallback == null);
        if (s.isEmpty()) {
            return fallback != null ? fallback : allowed.values().iterator().next();
        }
        E v = allowed.get(s.get().text());
        if (v == null) {
            error(key, "'" + s.get().text() + "' is not one of " + String.join(", ", allowed.keySet()));
            return fallback != null ? fallback : allowed.values().iterator().next();
        }
        return v;
    }

    /** A list of decimal numbers, empty when absent; items that are not numbers are reported by index. */
    Optional<List<Double>> decimals(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        Node.Entry e = map.entries().get(key);
        if (!(e.value() instanceof Node.ListNode list)) {
            error(key, "expected a list such as [1.0, 2.0], got " + e.value().kind());
            return Optional.empty();
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String itemPath = pathOf(key) + "[" + i + "]";
            if (!(item instanceof Node.ScalarNode s) || s.isNull()) {
                problems.add(item.origin(), itemPath, "expected a number, got " + item.kind());
                failed.add(key);
                continue;
            }
            try {
                out.add(Values.parseDecimal(s.text()));
            } catch (IllegalArgumentException ex) {
                problems.add(item.origin(), itemPath, ex.getMessage());
                failed.add(key);
            }
        }
        return ok(key) ? Optional.of(out) : Optional.empty();
    }

    /** A list of words, each checked by {@code check} (which returns a complaint or null). */
    List<String> words(String key, List<String> fallback, Function<String, String> check) {
        if (!has(key)) {
            if (fallback == null) {
                error(key, "required key is missing");
                return List.of();
            }
            return fallback;
        }
        Node.Entry e = map.entries().get(key);
        if (!(e.value() instanceof Node.ListNode list)) {
            error(key, "expected a list such as [a, b], got " + e.value().kind());
            return fallback == null ? List.of() : fallback;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String itemPath = pathOf(key) + "[" + i + "]";
            if (!(item instanceof Node.ScalarNode s) || s.isNull()) {
                problems.add(item.origin(), itemPath, "expected a word, got " + item.kind());
                continue;
            }
            String complaint = check.apply(s.text());
            if (complaint == null && out.contains(s.text())) {
                complaint = "'" + s.text() + "' is listed twice";
            }
            if (complaint != null) {
                problems.add(item.origin(), itemPath, complaint);
            } else {
                out.add(s.text());
            }
        }
        return out;
    }

    /** Reports every key present but never asked for. Call after all getters. */
    void finish() {
        for (Map.Entry<String, Node.Entry> e : map.entries().entrySet()) {
            if (!asked.contains(e.getKey())) {
                problems.add(e.getValue().keyOrigin(), pathOf(e.getKey()), "unknown key; "
                        + Suggest.hint(e.getKey(), asked));
            }
        }
    }

    private void ask(String key) {
        asked.add(key);
        knownPaths.add(pathOf(key));
    }

    private long number(String key, Long fallback, long min, long max,
                        Function<String, Long> parse, String what) {
        Optional<Node.ScalarNode> s = scalar(key, fallback == null);
        if (s.isEmpty()) {
            return fallback == null ? min : fallback;
        }
        String text = s.get().text();
        long v;
        try {
            v = parse.apply(text);
        } catch (IllegalArgumentException e) {
            error(key, e.getMessage());
            return fallback == null ? min : fallback;
        }
        if (v < min) {
            error(key, text + (min == 1 ? " must be positive" : " must be at least " + min));
            return fallback == null ? min : fallback;
        }
        if (v > max) {
            error(key, text + " is larger than the maximum " + max);
            return fallback == null ? min : fallback;
        }
        return v;
    }

    /** The scalar under {@code key}; records "missing" or "wrong type" problems. */
    private Optional<Node.ScalarNode> scalar(String key, boolean required) {
        if (!has(key)) {
            if (required) {
                error(key, "required key is missing");
            }
            return Optional.empty();
        }
        Node value = map.entries().get(key).value();
        if (value instanceof Node.ScalarNode s) {
            return Optional.of(s);
        }
        error(key, "expected a single value, got " + value.kind());
        return Optional.empty();
    }
}
