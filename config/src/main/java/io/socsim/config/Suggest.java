package io.socsim.config;

import java.util.Collection;

/** "Did you mean" hints for misspelt keys and names. */
final class Suggest {

    private Suggest() {
    }

    /** A hint naming the closest candidate, or listing all of them when none is close. */
    static String hint(String wrong, Collection<String> candidates) {
        String best = closest(wrong, candidates);
        if (best != null) {
            return "did you mean '" + best + "'?";
        }
        return candidates.isEmpty() ? "this section takes no keys"
                : "expected one of: " + String.join(", ", candidates);
    }

    static String closest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(wrong, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        // Close enough to be a typo: at most a third of the word, and at least 2 edits allowed.
        return best != null && bestDistance <= Math.max(2, wrong.length() / 3) ? best : null;
    }

    /** Levenshtein edit distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
