package org.iibalance.experiment;

import java.util.ArrayList;
import java.util.List;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;

/**
 * A sweep: a base configuration, a grid of axes (any numeric or text key, e.g. {@code method.tau}),
 * and seeds. Every combination of axis values and seeds is one trial.
 *
 * @param base        the configuration every trial starts from
 * @param axes        the grid
 * @param seeds       seeds of each combination (empty: the base seed)
 * @param parallelism trials run at once (each with threads = cores / parallelism)
 */
public record SweepSpec(ExperimentConfig base, List<Axis> axes, List<Long> seeds, int parallelism) {

    /** One key and its values, as given on the command line: {@code method.tau=0.05,0.1}. */
    public record Axis(String key, List<String> values) {
        public static Axis parse(String spec) throws ConfigException {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) throw new ConfigException(spec, "a grid axis must look like key=v1,v2,... e.g. method.tau=0.05,0.1");
            List<String> vs = new ArrayList<>();
            for (String v : spec.substring(eq + 1).split(",")) if (!v.isBlank()) vs.add(v.trim());
            return new Axis(spec.substring(0, eq).trim(), vs);
        }
    }

    /**
     * One run of the sweep.
     *
     * @param index     0-based position in the grid
     * @param name      folder name, e.g. {@code 003-method.tau=0.1-seed2}
     * @param overrides the {@code key=value} overrides of this trial (seed included)
     * @param values    the axis values, in axis order
     * @param seed      its seed
     * @param config    the resolved configuration
     */
    public record Trial(int index, String name, List<String> overrides, List<String> values, long seed, ExperimentConfig config) {}

    /** Expands the grid; a bad key or value is refused before anything runs. */
    public List<Trial> trials() throws ConfigException {
        List<List<String>> combos = new ArrayList<>();
        combos.add(new ArrayList<>());
        for (Axis a : axes) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> c : combos) {
                for (String v : a.values()) {
                    List<String> n = new ArrayList<>(c);
                    n.add(v);
                    next.add(n);
                }
            }
            combos = next;
        }
        List<Long> ss = seeds.isEmpty() ? List.of(base.seed()) : seeds;
        List<Trial> out = new ArrayList<>();
        int width = 3;
        for (List<String> c : combos) {
            for (long seed : ss) {
                List<String> ov = new ArrayList<>();
                StringBuilder name = new StringBuilder(String.format("%0" + width + "d", out.size()));
                for (int i = 0; i < axes.size(); i++) {
                    ov.add(axes.get(i).key() + "=" + c.get(i));
                    name.append('-').append(axes.get(i).key()).append('=').append(c.get(i));
                }
                ov.add("seed=" + seed);
                name.append("-seed").append(seed);
                ExperimentConfig cfg = ConfigIO.withOverrides(base, ov);
                ExperimentRunner.validate(cfg);
                out.add(new Trial(out.size(), name.toString().replaceAll("[^A-Za-z0-9._=+-]", "_"), ov, c, seed, cfg));
            }
        }
        return out;
    }
}
