package io.socsim.sim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The sweep's identity, written to {@code sweep.json} when a folder is first used: what runs, on
 * which base system, over which axes. A re-run resumes only when its manifest is equal; otherwise
 * the differences are named (an axis's values, a fixed option, the workload).
 */
public final class Manifest {

    private Manifest() {
    }

    /** The manifest of a sweep (ordered, as written). */
    public static Map<String, Object> of(Workload workload, String preset, String configFile, Grid grid, long maxCycles) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("socsim_sweep", 1);
        m.put("workload", workload.describe());
        m.put("workload_options", workload.options());
        m.put("preset", preset);
        m.put("config_file", configFile);
        m.put("fixed_overrides", grid.fixedOverrides());
        List<Object> axes = new ArrayList<>();
        for (Axis a : grid.axes()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("name", a.name());
            am.put("kind", a.config() ? "config" : "workload");
            am.put("values", a.values());
            axes.add(am);
        }
        m.put("axes", axes);
        m.put("max_cycles", maxCycles);
        m.put("points", grid.size());
        return m;
    }

    /** What differs between the folder's manifest and this command's, one line each (empty when equal). */
    static List<String> differences(Map<String, Object> there, Map<String, Object> here) {
        List<String> out = new ArrayList<>();
        Map<String, Object> axesThere = axes(there.get("axes")), axesHere = axes(here.get("axes"));
        Set<String> names = new LinkedHashSet<>(axesThere.keySet());
        names.addAll(axesHere.keySet());
        for (String name : names) {
            Object a = axesThere.get(name), b = axesHere.get(name);
            if (!Objects.equals(a, b)) {
                out.add("  axis " + name + ": " + show(a) + " in the folder, " + show(b) + " in this command");
            }
        }
        if (out.isEmpty() && !Objects.equals(there.get("axes"), here.get("axes"))) {
            out.add("  axes: in another order (" + axesThere.keySet() + " in the folder, " + axesHere.keySet() + " in this command)");
        }
        Set<String> keys = new LinkedHashSet<>(there.keySet());
        keys.addAll(here.keySet());
        for (String key : keys) {
            if (key.equals("axes") || key.equals("points")) {
                continue;
            }
            if (!Objects.equals(there.get(key), here.get(key))) {
                out.add("  " + key + ": " + show(there.get(key)) + " in the folder, " + show(here.get(key)) + " in this command");
            }
        }
        return out;
    }

    private static Map<String, Object> axes(Object list) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> a) {
                    m.put(String.valueOf(a.get("name")), a.get("kind") + " " + a.get("values"));
                }
            }
        }
        return m;
    }

    private static String show(Object v) {
        return v == null ? "none" : v.toString();
    }
}
