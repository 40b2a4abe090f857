package org.iibalance.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/** Seeded splits of clips: stratified by class, or disjoint by group (speaker, actor). */
public final class Splits {
    private Splits() {}

    /**
     * Assigns every clip to train, val or test so that each class keeps about the given fractions
     * (at least one val and one test clip per class that has 3 or more clips, when the fraction is
     * above 0). Deterministic for a seed; the order of the input does not matter.
     */
    public static List<ClipSource> stratified(List<ClipSource> clips, double valFraction, double testFraction, long seed) {
        Map<Integer, List<ClipSource>> byClass = new TreeMap<>();
        for (ClipSource c : sortedById(clips)) byClass.computeIfAbsent(c.label(), k -> new ArrayList<>()).add(c);
        List<ClipSource> out = new ArrayList<>();
        for (var e : byClass.entrySet()) {
            List<ClipSource> l = e.getValue();
            Collections.shuffle(l, Seeds.shuffler(seed, 7919, e.getKey()));
            int n = l.size();
            int nTest = count(n, testFraction), nVal = count(n, valFraction);
            if (nTest + nVal >= n) {
                nTest = Math.min(nTest, Math.max(0, n - 1));
                nVal = Math.min(nVal, Math.max(0, n - 1 - nTest));
            }
            for (int i = 0; i < n; i++) out.add(l.get(i).withSplit(i < nTest ? "test" : i < nTest + nVal ? "val" : "train"));
        }
        return out;
    }

    /** Moves about {@code valFraction} of each class of the training clips to validation (seeded). */
    public static List<ClipSource> carveVal(List<ClipSource> train, double valFraction, long seed) {
        return stratified(train, valFraction, 0, seed);
    }

    /**
     * Assigns whole groups to train, val or test (seeded), so that no group appears in two splits.
     * At least one group goes to each of val and test when its fraction is above 0 and there are 3 or
     * more groups.
     */
    public static List<ClipSource> byGroup(List<ClipSource> clips, double valFraction, double testFraction, long seed) {
        List<String> groups = new ArrayList<>(new TreeSet<>(clips.stream().map(ClipSource::group).toList()));
        Collections.shuffle(groups, Seeds.shuffler(seed, 104729));
        int g = groups.size();
        int nTest = count(g, testFraction), nVal = count(g, valFraction);
        if (nTest + nVal >= g) {
            nTest = Math.min(nTest, Math.max(0, g - 1));
            nVal = Math.min(nVal, Math.max(0, g - 1 - nTest));
        }
        Map<String, String> splitOf = new TreeMap<>();
        for (int i = 0; i < g; i++) splitOf.put(groups.get(i), i < nTest ? "test" : i < nTest + nVal ? "val" : "train");
        List<ClipSource> out = new ArrayList<>();
        for (ClipSource c : sortedById(clips)) out.add(c.withSplit(splitOf.get(c.group())));
        return out;
    }

    private static int count(int n, double fraction) {
        if (fraction <= 0 || n == 0) return 0;
        int k = (int) Math.round(n * fraction);
        return n >= 3 ? Math.max(1, k) : k;
    }

    private static List<ClipSource> sortedById(List<ClipSource> clips) {
        List<ClipSource> l = new ArrayList<>(clips);
        l.sort((a, b) -> a.id().compareTo(b.id()));
        return l;
    }
}
