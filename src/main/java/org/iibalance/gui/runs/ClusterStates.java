package org.iibalance.gui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iibalance.experiment.cluster.SlurmExecutor;

/**
 * The scheduler's view of runs that live in a matrix or sweep folder submitted to Slurm: for each
 * such run folder, its trial's state ({@code running (slurm 12_3)}). Asks the scheduler once per
 * cluster folder and at most every {@code minSeconds} (the runs table polls every few seconds).
 */
final class ClusterStates {
    private final double minSeconds;
    private final Map<Path, Long> asked = new HashMap<>();
    private final Map<Path, String> states = new HashMap<>();

    ClusterStates(double minSeconds) {
        this.minSeconds = minSeconds;
    }

    /** The scheduler state of each run under a cluster folder (up to {@code root}); runs elsewhere are absent. */
    synchronized Map<Path, String> of(Path root, List<Path> runs) {
        Set<Path> clusters = new LinkedHashSet<>();
        Path top = root.toAbsolutePath().normalize().getParent();
        for (Path r : runs) {
            // the trial folder is 1 (sweep) or 3 (matrix: <dataset>/<part>/<trial>) levels below its cluster folder
            for (Path p = r.toAbsolutePath().normalize().getParent(); p != null && !p.equals(top); p = p.getParent()) {
                if (SlurmExecutor.isClusterFolder(p)) {
                    clusters.add(p);
                    break;
                }
            }
        }
        long now = System.nanoTime();
        for (Path c : clusters) {
            Long last = asked.get(c);
            if (last != null && now - last < minSeconds * 1e9) continue;
            asked.put(c, now);
            try {
                for (SlurmExecutor.TrialStatus s : new SlurmExecutor(c).status()) {
                    states.put(s.trial().dir(), s.state().label() + (s.taskId() != null ? " (slurm " + s.taskId() + ")" : ""));
                }
            } catch (IOException e) {
                states.put(c, "scheduler: " + e.getMessage());
            }
        }
        Map<Path, String> out = new HashMap<>();
        for (Path r : runs) {
            String s = states.get(r.toAbsolutePath().normalize());
            if (s != null) out.put(r, s);
        }
        return out;
    }
}
