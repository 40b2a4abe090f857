package org.iibalance.experiment.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.experiment.MatrixSpec;
import org.iibalance.experiment.SweepSpec;

/**
 * One trial of a matrix or sweep as the cluster sees it: its array index, the folder it trains into
 * (the same folder the local executor uses) and its resolved configuration.
 *
 * @param index  the array task index (position in the whole matrix or sweep, stable across submissions)
 * @param label  {@code <part>/<trial name>}, for listings
 * @param dir    the trial's run folder
 * @param config the resolved configuration (null when read back from a submitted array's manifest)
 */
public record ClusterTrial(int index, String label, Path dir, ExperimentConfig config) {

    /** Every trial of a matrix, in the order of the local executor (parts, then grid order); validated before anything is written. */
    public static List<ClusterTrial> ofMatrix(MatrixSpec spec, Path out) throws ConfigException {
        List<ClusterTrial> all = new ArrayList<>();
        for (MatrixSpec.Part p : spec.parts(out, 1)) {
            String part = out.relativize(p.dir()).toString();
            for (SweepSpec.Trial t : p.spec().trials()) all.add(new ClusterTrial(all.size(), part + "/" + t.name(), p.dir().resolve(t.name()), t.config()));
        }
        return all;
    }

    /** Every trial of a sweep into {@code dir}. */
    public static List<ClusterTrial> ofSweep(SweepSpec spec, Path dir) throws ConfigException {
        List<ClusterTrial> all = new ArrayList<>();
        for (SweepSpec.Trial t : spec.trials()) all.add(new ClusterTrial(all.size(), t.name(), dir.resolve(t.name()), t.config()));
        return all;
    }
}
