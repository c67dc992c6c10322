package io.socsim.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a {@link SocConfig}: parse the YAML with positions, resolve {@code extends}, apply
 * {@code --set key.path=value} overrides, then map and validate. Every user error is a
 * {@link ConfigException} whose lines read {@code file:line:column: key.path: problem}.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** Loads a user file ({@code --config FILE}). */
    public static SocConfig load(Path file) {
        return load(ConfigSource.file(file), List.of());
    }

    /** Loads a user file, then applies {@code key.path=value} overrides. */
    public static SocConfig load(Path file, List<String> overrides) {
        return load(ConfigSource.file(file), overrides);
    }

    /** Loads YAML held in memory; {@code name} appears in messages. */
    public static SocConfig loadString(String name, String yaml) {
        return load(ConfigSource.string(name, yaml), List.of());
    }

    /**
     * Loads {@code source}, applying each override ({@code memory.l1.banks=32}) in order on the
     * tree before validation; values follow the same rules as in files (hex, sizes, lists).
     */
    public static SocConfig load(ConfigSource source, List<String> overrides) {
        Node.MapNode root = resolve(source, new LinkedHashSet<>());
        applyOverrides(root, overrides);
        return ConfigMapper.map(root, Origin.of(source.name(), 1, 1));
    }

    /** Parses {@code source} and, when it says {@code extends: base}, merges it over the base. */
    private static Node.MapNode resolve(ConfigSource source, Set<String> chain) {
        Node parsed = YamlTree.parse(source.name(), source.text(), null);
        if (parsed instanceof Node.ScalarNode s && s.isNull()) {
            throw new ConfigException(s.origin() + ": the configuration is empty");
        }
        if (!(parsed instanceof Node.MapNode root)) {
            throw new ConfigException(parsed.origin() + ": expected key: value lines at the top level, got "
                    + parsed.kind());
        }
        Node.Entry ext = root.entries().remove("extends");
        if (ext == null) {
            return root;
        }
        if (!(ext.value() instanceof Node.ScalarNode s) || s.isNull() || s.text().isBlank()) {
            throw new ConfigException(ext.keyOrigin() + ": extends: expected a preset name or a .yaml file, got "
                    + ext.value().kind());
        }
        String target = s.text().trim();
        ConfigSource base;
        try {
            if (target.endsWith(".yaml") || target.endsWith(".yml")) {
                Path p = source.directory().map(d -> d.resolve(target)).orElse(Path.of(target));
                base = ConfigSource.file(p);
            } else {
                base = ConfigSource.preset(target);
            }
        } catch (ConfigException e) {
            throw new ConfigException(ext.keyOrigin() + ": extends: " + e.getMessage());
        } catch (InvalidPathException e) {
            throw new ConfigException(ext.keyOrigin() + ": extends: '" + target + "' is not a valid file path ("
                    + e.getReason() + ")");
        }
        chain.add(source.name());
        if (chain.contains(base.name())) {
            throw new ConfigException(ext.keyOrigin() + ": extends: cycle " + String.join(" -> ", chain)
                    + " -> " + base.name());
        }
        Node.MapNode baseRoot = resolve(base, chain);
        Set<String> setByChild = new HashSet<>();
        merge(baseRoot, root, "", setByChild);
        dropStaleAssumptions(baseRoot, setByChild, ownAssumptions(root));
        return baseRoot;
    }

    /** Deep merge: mappings merge key by key; anything else replaces. Records replaced paths. */
    private static void merge(Node.MapNode into, Node.MapNode over, String path, Set<String> replaced) {
        for (Map.Entry<String, Node.Entry> e : over.entries().entrySet()) {
            String key = e.getKey();
            String childPath = path.isEmpty() ? key : path + "." + key;
            Node.Entry existing = into.entries().get(key);
            if (existing != null && existing.value() instanceof Node.MapNode a
                    && e.getValue().value() instanceof Node.MapNode b) {
                merge(a, b, childPath, replaced);
            } else {
                into.entries().put(key, e.getValue());
                replaced.add(childPath);
            }
        }
    }

    private static Set<String> ownAssumptions(Node.MapNode root) {
        Node.Entry a = root.entries().get("assumptions");
        return a != null && a.value() instanceof Node.MapNode m ? new HashSet<>(m.entries().keySet()) : Set.of();
    }

    /**
     * A value changed by a derived file or an override is no longer the base's assumption: drop
     * the base's reasoning for it (and for anything under it) unless the new layer gives its own.
     */
    private static void dropStaleAssumptions(Node.MapNode root, Set<String> changed, Set<String> keep) {
        Node.Entry a = root.entries().get("assumptions");
        if (a == null || !(a.value() instanceof Node.MapNode m)) {
            return;
        }
        for (Iterator<String> it = m.entries().keySet().iterator(); it.hasNext(); ) {
            String key = it.next();
            if (keep.contains(key)) {
                continue;
            }
            for (String c : changed) {
                if (key.equals(c) || key.startsWith(c + ".")) {
                    it.remove();
                    break;
                }
            }
        }
    }

    private static void applyOverrides(Node.MapNode root, List<String> overrides) {
        Problems problems = new Problems();
        Set<String> changed = new HashSet<>();
        for (String override : overrides) {
            Origin origin = Origin.whole("--set " + override);
            int eq = override.indexOf('=');
            if (eq <= 0) {
                problems.add(origin, "", "expected key.path=value");
                continue;
            }
            String path = override.substring(0, eq).trim();
            String valueText = override.substring(eq + 1);
            List<String> keys = splitPath(path);
            if (keys.stream().anyMatch(String::isEmpty)) {
                problems.add(origin, path, "empty key in the path");
                continue;
            }
            if (keys.get(0).equals("extends")) {
                problems.add(origin, path, "extends cannot be overridden; use a file that extends the base");
                continue;
            }
            Node value;
            try {
                value = YamlTree.parse(origin.source(), valueText, origin);
            } catch (ConfigException e) {
                problems.add(origin, path, "bad value: " + e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
                continue;
            }
            Node.MapNode at = root;
            StringBuilder walked = new StringBuilder();
            boolean ok = true;
            for (int i = 0; i < keys.size() - 1; i++) {
                String key = keys.get(i);
                walked.append(walked.length() == 0 ? "" : ".").append(key);
                Node.Entry e = at.entries().get(key);
                if (e == null || e.value() instanceof Node.ScalarNode s && s.isNull()) {
                    // A section the file left out: create it, the mapper then checks the keys.
                    Node.MapNode created = new Node.MapNode(origin);
                    at.entries().put(key, new Node.Entry(origin, created));
                    at = created;
                } else if (e.value() instanceof Node.MapNode m) {
                    at = m;
                } else {
                    problems.add(origin, path, walked + " holds a value, not a section, so it has no key '"
                            + keys.get(i + 1) + "'");
                    ok = false;
                    break;
                }
            }
            if (ok) {
                at.entries().put(keys.get(keys.size() - 1), new Node.Entry(origin, value));
                changed.add(path);
            }
        }
        problems.throwIfAny();
        dropStaleAssumptions(root, changed, Set.of());
    }

    /** Splits a dotted path; under {@code assumptions} the rest is one key, as those keys contain dots. */
    private static List<String> splitPath(String path) {
        List<String> keys = new ArrayList<>();
        if (path.startsWith("assumptions.")) {
            keys.add("assumptions");
            keys.add(path.substring("assumptions.".length()));
            return keys;
        }
        for (String k : path.split("\\.", -1)) {
            keys.add(k.trim());
        }
        return keys;
    }
}
