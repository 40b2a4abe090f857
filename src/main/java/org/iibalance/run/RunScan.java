package org.iibalance.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the run folders in folder trees by their structure: a folder holding {@code config.yaml} and
 * {@code state.json} is a run (names play no part; a checkpoint folder holds a {@code state.json} but
 * no {@code config.yaml}, so it is not one). The scan does not descend into a run.
 *
 * @param runs     the run folders found, sorted by path
 * @param partial  folders that look like a run but are not complete ones (a {@code config.yaml} or
 *                 {@code results.json} without {@code state.json}, or the reverse), with the reason
 * @param problems roots that could not be scanned, with the reason
 */
public record RunScan(List<Path> runs, Map<Path, String> partial, Map<String, String> problems) {

    /** Every run under the roots, at any depth. */
    public static RunScan of(List<Path> roots) {
        return of(roots, Integer.MAX_VALUE);
    }

    /** Every run under the roots at most {@code maxDepth} folders below a root (a root itself is depth 0). */
    public static RunScan of(List<Path> roots, int maxDepth) {
        TreeSet<Path> found = new TreeSet<>();
        Map<Path, String> partial = new java.util.TreeMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                problems.put(root.toString(), "not a directory");
                continue;
            }
            try {
                walk(root, 0, maxDepth, found, partial);
            } catch (IOException e) {
                problems.put(root.toString(), "cannot list: " + e.getMessage());
            }
        }
        return new RunScan(new ArrayList<>(found), partial, problems);
    }

    private static void walk(Path dir, int depth, int maxDepth, TreeSet<Path> found, Map<Path, String> partial) throws IOException {
        if (RunFiles.isRun(dir)) {
            found.add(dir);
            return; // a run's own folders (checkpoints) are not runs
        }
        if (RunFiles.hasConfig(dir)) partial.put(dir, "no " + RunFiles.STATE + ": not a finished run");
        else if (Files.isRegularFile(dir.resolve(RunFiles.RESULTS))) partial.put(dir, "a " + RunFiles.RESULTS + " without " + RunFiles.CONFIG + " and " + RunFiles.STATE);
        if (depth >= maxDepth) return;
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path c : children) walk(c, depth + 1, maxDepth, found, partial);
    }
}
