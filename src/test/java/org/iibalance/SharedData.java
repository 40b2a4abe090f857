package org.iibalance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real data the tests read from {@code ../shared/data} (system property {@code iibalance.sharedData},
 * set by the pom; never copied into the repository). When a folder a test needs is absent the test is
 * <b>skipped</b> with a message naming it, so a fresh clone without the data still passes; with
 * {@code -Diibalance.requireData=true}, or the environment variable {@code IIBALANCE_REQUIRE_DATA=1}
 * (what {@code .ci/run} sets, so that it runs the README's test command unchanged), it <b>fails</b> instead.
 */
public final class SharedData {
    /** The property that turns a missing data folder from a skip into a failure. */
    public static final String REQUIRE = "iibalance.requireData";

    /** The environment variable that does the same as {@link #REQUIRE}. */
    public static final String REQUIRE_ENV = "IIBALANCE_REQUIRE_DATA";

    private SharedData() {}

    /** Whether missing data fails the tests instead of skipping them. */
    static boolean required() {
        return Boolean.getBoolean(REQUIRE) || "1".equals(System.getenv(REQUIRE_ENV)) || "true".equalsIgnoreCase(System.getenv(REQUIRE_ENV));
    }

    /** Why the folders are missing, or null when they are all there. */
    static String missing(String... subfolders) {
        Path root = Path.of(System.getProperty("iibalance.sharedData", "../shared/data")).toAbsolutePath().normalize();
        List<String> missing = new ArrayList<>();
        for (String s : subfolders) if (!Files.isDirectory(root.resolve(s))) missing.add(root.resolve(s).toString());
        return missing.isEmpty() ? null : "real data folder missing: " + String.join(", ", missing);
    }

    /** Disables each test of a {@link NeedsSharedData} class when its folders are absent (unless they are required). */
    public static final class Condition implements org.junit.jupiter.api.extension.ExecutionCondition {
        @Override
        public org.junit.jupiter.api.extension.ConditionEvaluationResult evaluateExecutionCondition(org.junit.jupiter.api.extension.ExtensionContext c) {
            NeedsSharedData n = c.getRequiredTestClass().getAnnotation(NeedsSharedData.class);
            String why = n == null ? null : missing(n.value());
            if (why == null || required()) return org.junit.jupiter.api.extension.ConditionEvaluationResult.enabled("data present or required");
            return org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled("skipped: " + why);
        }
    }

    /** The shared data folder, after checking that each of {@code subfolders} exists in it. */
    public static Path require(String... subfolders) {
        Path root = Path.of(System.getProperty("iibalance.sharedData", "../shared/data")).toAbsolutePath().normalize();
        List<String> missing = new ArrayList<>();
        for (String s : subfolders) if (!Files.isDirectory(root.resolve(s))) missing.add(root.resolve(s).toString());
        if (subfolders.length == 0 && !Files.isDirectory(root)) missing.add(root.toString());
        if (!missing.isEmpty()) {
            String msg = "real data folder missing: " + String.join(", ", missing) + " (see ../shared/data/README.md; set -Diibalance.sharedData=DIR to "
                    + "read it elsewhere)";
            if (required()) Assertions.fail(msg + "; failing because -D" + REQUIRE + "=true or " + REQUIRE_ENV + "=1 is set");
            Assumptions.abort("skipped: " + msg);
        }
        return root;
    }
}
