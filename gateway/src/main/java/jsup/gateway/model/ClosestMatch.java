package jsup.gateway.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the candidate nearest to a misspelt name (edit distance), for "did you mean" hints. */
public final class ClosestMatch {

    private ClosestMatch() {
    }

    /**
     * The candidate closest to {@code wanted}, if any is close enough to be a plausible typo or
     * renaming: within a third of the longer length, or sharing the part after the last slash.
     */
    public static Optional<String> among(String wanted, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = wanted.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(w, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int limit = Math.max(2, Math.max(wanted.length(), best.length()) / 3);
        boolean sameVendor = vendor(w).equals(vendor(best.toLowerCase(Locale.ROOT))) && !vendor(w).isEmpty();
        return bestDistance <= limit || (sameVendor && bestDistance <= limit * 2) ? Optional.of(best) : Optional.empty();
    }

    private static String vendor(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? "" : id.substring(0, slash);
    }

    /** Levenshtein distance. */
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
