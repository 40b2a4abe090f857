package org.iibalance.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Repeats of one experiment: the completed runs of a dataset and method with one configuration
 * identity, one run per seed. These, and only these, are pooled into one table row.
 *
 * @param dataset     the dataset
 * @param method      the method
 * @param identity    the configuration they share (minus the seed)
 * @param sensitivity whether these are sensitivity-sweep runs (Fig. 4 only)
 * @param runs        one run per seed, in seed order
 * @param duplicates  per seed seen more than once, the folders not counted (the first folder in path order is kept)
 */
record RunGroup(String dataset, String method, ConfigIdentity identity, boolean sensitivity, List<ReportRun> runs, Map<Long, List<Path>> duplicates) {

    String hash() {
        return identity.hash();
    }

    int n() {
        return runs.size();
    }

    List<Long> seeds() {
        return runs.stream().map(ReportRun::seed).toList();
    }

    /** The run of a seed, or null. */
    ReportRun run(long seed) {
        return runs.stream().filter(r -> r.seed() == seed).findFirst().orElse(null);
    }

    /** Mean, std and t-interval of a figure over the group's seeds. */
    Stat stat(Metric m) {
        return Stat.of(runs.stream().mapToDouble(r -> r.value(m)).toArray());
    }

    /** The per-class figures pooled over the runs that have {@code gating.csv} (null when none has). */
    ClassFigures classes() {
        ClassFigures all = null;
        for (ReportRun r : runs) if (r.classes() != null) all = all == null ? r.classes() : all.plus(r.classes());
        return all;
    }

    /** Runs with a {@code gating.csv}. */
    int runsWithClasses() {
        return (int) runs.stream().filter(r -> r.classes() != null).count();
    }

    /** "method [hash]". */
    String label() {
        return ReportTables.label(method) + " [" + hash() + "]";
    }
}
