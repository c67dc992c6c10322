package io.socsim.ita.golden;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A parsed {@code ita-golden-v1} file. Maps keep file order. Lookups of missing names fail with
 * the file name in the message.
 */
public record GoldenFile(String source, Map<String, String> meta, Map<String, int[]> params,
        Map<String, GoldenTensor> tensors) {

    public GoldenFile {
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** {@code meta kind}: attention, ffn, softmax or activation. */
    public String kind() {
        return meta("kind");
    }

    public String meta(String key) {
        String v = meta.get(key);
        if (v == null) {
            throw new NoSuchElementException(source + ": no 'meta " + key + "'");
        }
        return v;
    }

    /** All values of a param (one per head for per-head params). */
    public int[] params(String name) {
        int[] v = params.get(name);
        if (v == null) {
            throw new NoSuchElementException(source + ": no 'param " + name + "'");
        }
        return v.clone();
    }

    /** A scalar param; fails if the param has more than one value. */
    public int param(String name) {
        int[] v = params(name);
        if (v.length != 1) {
            throw new IllegalArgumentException(source + ": param " + name + " has " + v.length
                    + " values, expected 1");
        }
        return v[0];
    }

    /** Value {@code index} of a per-head param. */
    public int param(String name, int index) {
        int[] v = params(name);
        if (index < 0 || index >= v.length) {
            throw new IllegalArgumentException(source + ": param " + name + " has " + v.length
                    + " values, no index " + index);
        }
        return v[index];
    }

    public boolean hasTensor(String name) {
        return tensors.containsKey(name);
    }

    public GoldenTensor tensor(String name) {
        GoldenTensor t = tensors.get(name);
        if (t == null) {
            throw new NoSuchElementException(source + ": no 'tensor " + name + "'");
        }
        return t;
    }
}
