package org.iibalance.run;

/**
 * How run names mark a sensitivity sweep's runs (Fig. 4 only, never Table I): the one place that
 * knows the suffix. The matrix runner names its sweep runs with {@link #sensitivityName}; the report
 * asks {@link #isSensitivity}.
 */
public final class RunNaming {
    /** Suffix of the run name of sweep runs. */
    public static final String SENSITIVITY_SUFFIX = "-sens";

    private RunNaming() {}

    /** The run name of a sensitivity sweep's runs on {@code dataset}. */
    public static String sensitivityName(String dataset) {
        return dataset + SENSITIVITY_SUFFIX;
    }

    /** Whether a run of this name belongs to a sensitivity sweep. */
    public static boolean isSensitivity(String runName) {
        return runName != null && runName.endsWith(SENSITIVITY_SUFFIX);
    }
}
