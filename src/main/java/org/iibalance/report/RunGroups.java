package org.iibalance.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits completed runs into {@link RunGroup}s by (dataset, method, configuration identity, sweep or
 * table), and says what it had to decide: a seed present twice in a group is counted once (the first
 * folder in path order) and warned about; a dataset and method with several configurations is warned
 * about with the keys that differ, and every configuration stays a row of its own.
 *
 * @param groups   every group, table groups first, by dataset, method and hash
 * @param warnings what the reader should know, one line each
 */
record RunGroups(List<RunGroup> groups, List<String> warnings) {

    static RunGroups of(List<ReportRun> runs) {
        return of(runs, Metric.ACC_M);
    }

    /**
     * As {@link #of(List)}; a duplicate seed's warning compares the runs on {@code shown} (test Acc_m
     * in the results report, validation Acc_m in the selection report, which shows no test figure).
     */
    static RunGroups of(List<ReportRun> runs, Metric shown) {
        Map<String, List<ReportRun>> byKey = new TreeMap<>();
        for (ReportRun r : runs) {
            String key = (r.summary().sensitivity() ? "1" : "0") + '\u0000' + r.dataset() + '\u0000' + r.method() + '\u0000' + r.identity().hash();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<RunGroup> groups = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (List<ReportRun> members : byKey.values()) {
            List<ReportRun> sorted = new ArrayList<>(members);
            sorted.sort(Comparator.comparing((ReportRun r) -> r.summary().dir().toString()));
            Map<Long, ReportRun> bySeed = new TreeMap<>();
            Map<Long, List<Path>> dup = new TreeMap<>();
            for (ReportRun r : sorted) {
                ReportRun kept = bySeed.putIfAbsent(r.seed(), r);
                if (kept != null) dup.computeIfAbsent(r.seed(), s -> new ArrayList<>()).add(r.summary().dir());
            }
            ReportRun first = sorted.get(0);
            RunGroup g = new RunGroup(first.dataset(), first.method(), first.identity(), first.summary().sensitivity(), List.copyOf(bySeed.values()), dup);
            groups.add(g);
            if (g.hash().equals(ConfigIdentity.UNKNOWN)) {
                warnings.add(String.format("%s / %s: %d run(s) whose config.yaml could not be read are grouped as config '%s' (e.g. %s)", g.dataset(), g.method(),
                        members.size(), ConfigIdentity.UNKNOWN, first.summary().configProblem()));
            }
            dup.forEach((seed, dirs) -> {
                ReportRun kept = bySeed.get(seed);
                StringBuilder w = new StringBuilder(String.format("%s / %s [%s]: seed %d appears in %d runs; counted once (%s); not counted: %s", g.dataset(), g.method(),
                        g.hash(), seed, dirs.size() + 1, kept.summary().dir(), dirs));
                for (Path d : dirs) {
                    ReportRun other = sorted.stream().filter(r -> r.summary().dir().equals(d)).findFirst().orElseThrow();
                    double a = kept.value(shown), b = other.value(shown);
                    if (Double.compare(a, b) != 0) w.append(String.format(" (their %s differ: %.4f vs %.4f in %s)", shown.label(), a, b, d.getFileName()));
                }
                warnings.add(w.toString());
            });
        }
        // several configurations of one dataset and method: say how they differ, keep them apart
        Map<String, List<RunGroup>> byMethod = new LinkedHashMap<>();
        for (RunGroup g : groups) if (!g.sensitivity()) byMethod.computeIfAbsent(g.dataset() + " / " + g.method(), k -> new ArrayList<>()).add(g);
        byMethod.forEach((k, gs) -> {
            if (gs.size() < 2) return;
            RunGroup ref = gs.stream().max(Comparator.comparingInt(RunGroup::n)).orElseThrow();
            StringBuilder w = new StringBuilder(k + ": " + gs.size() + " different configurations, NOT pooled (one row each):");
            for (RunGroup g : gs) {
                w.append(' ').append(g.hash()).append(" (n=").append(g.n()).append(')');
                if (g != ref) w.append(" differs from ").append(ref.hash()).append(" in ").append(g.identity().describeDifferences(ref.identity(), 4));
                w.append(';');
            }
            warnings.add(w.substring(0, w.length() - 1));
        });
        return new RunGroups(List.copyOf(groups), List.copyOf(warnings));
    }

    /** Table groups (not sweep runs) of a dataset and method. */
    List<RunGroup> table(String dataset, String method) {
        return groups.stream().filter(g -> !g.sensitivity() && g.dataset().equals(dataset) && g.method().equals(method)).toList();
    }

    /**
     * The group a one-per-method figure uses (Fig. 3, Fig. 4's reference): the table group of the
     * method with the most seeds (ties: the smallest hash); null when none.
     */
    RunGroup main(String dataset, String method) {
        return table(dataset, method).stream().max(Comparator.comparingInt(RunGroup::n).thenComparing(RunGroup::hash, Comparator.reverseOrder())).orElse(null);
    }
}
