package org.iibalance.experiment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.run.RunNaming;

/**
 * The run matrix of Tables I and II (and optionally Fig. 4): methods x datasets x seeds, plus
 * optional hyper-parameter sweeps, read from YAML ({@code sample-configs/matrix-*.yaml}):
 *
 * <pre>
 * seeds: [1, 2, 3]
 * parallel: 2                      # runs at once (the --parallel option overrides it)
 * methods: [joint, ogm-ge, iibalance, ...]
 * set: [training.epochs=10]        # overrides for every run
 * datasets:
 *   - name: synthetic-av           # folder name under the matrix folder
 *     config: quickstart.yaml      # base configuration, relative to the spec file
 *     set: []                      # overrides for this dataset's runs
 * sweeps:                          # optional: Fig. 4
 *   - dataset: synthetic-av
 *     method: iibalance
 *     grid: {method.tau: [0.02, 0.07, 0.2]}
 *     seeds: [1]                   # optional: fewer seeds for the sweep
 * </pre>
 *
 * Each dataset becomes one {@link SweepSpec} whose grid axis is {@code method.name} (so the sweep
 * engine's trial folders, bounded parallelism and resume apply unchanged), run into
 * {@code <out>/<dataset>/table/}; each sweep becomes one more {@link SweepSpec} into
 * {@code <out>/<dataset>/sweep-<method>/}. Sweep runs are named {@code <dataset>-sens} ({@link RunNaming}) so that a report
 * keeps them out of Table I and uses them for Fig. 4 only.
 */
public record MatrixSpec(List<Long> seeds, int parallel, List<String> methods, List<String> set, List<Dataset> datasets, List<Sweep> sweeps,
        Path baseDir) {

    /** One dataset of the matrix. */
    public record Dataset(String name, String config, List<String> set) {}

    /** One optional sweep (Fig. 4); {@code seeds} (optional) replaces the matrix seeds for it. */
    public record Sweep(String dataset, String method, Map<String, List<String>> grid, List<Long> seeds) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** One sweep of the sweep engine and the folder it runs into. */
    public record Part(String label, SweepSpec spec, Path dir) {}

    record Raw(List<Long> seeds, Integer parallel, List<String> methods, List<String> set, List<Dataset> datasets, List<Sweep> sweeps) {}

    /** Reads a matrix spec; a missing or malformed field is refused with its name. */
    public static MatrixSpec load(Path file) throws ConfigException {
        Raw r;
        try {
            r = YAML.readValue(file.toFile(), Raw.class);
        } catch (IOException e) {
            String why = Files.exists(file) ? "is not a valid matrix spec (" + e.getMessage().lines().findFirst().orElse("") + ")" : "does not exist";
            throw new ConfigException(file.toString(), why);
        }
        if (r == null || r.methods() == null || r.methods().isEmpty()) throw new ConfigException("methods", "the matrix needs at least one method");
        if (r.datasets() == null || r.datasets().isEmpty()) throw new ConfigException("datasets", "the matrix needs at least one dataset");
        for (Dataset d : r.datasets()) {
            if (d.name() == null || !d.name().matches("[A-Za-z0-9._-]{1,48}")) throw new ConfigException("datasets.name", "'" + d.name() + "' must be 1-48 letters, digits, '.', '_' or '-'");
            if (d.config() == null) throw new ConfigException("datasets." + d.name() + ".config", "names the base configuration file");
        }
        Path dir = file.toAbsolutePath().getParent();
        return new MatrixSpec(r.seeds() == null ? List.of() : r.seeds(), r.parallel() == null ? 1 : r.parallel(), r.methods(),
                r.set() == null ? List.of() : r.set(), r.datasets(), r.sweeps() == null ? List.of() : r.sweeps(), dir);
    }

    /** The same matrix with more overrides for every run (after the spec's own {@code set}). */
    public MatrixSpec withOverrides(List<String> more) {
        if (more == null || more.isEmpty()) return this;
        List<String> all = new ArrayList<>(set);
        all.addAll(more);
        return new MatrixSpec(seeds, parallel, methods, all, datasets, sweeps, baseDir);
    }

    /** The parts (one per dataset, one per sweep), each validated before anything runs. */
    public List<Part> parts(Path out, int parallelism) throws ConfigException {
        List<Part> parts = new ArrayList<>();
        Map<String, ExperimentConfig> bases = new LinkedHashMap<>();
        for (Dataset d : datasets) {
            List<String> ov = new ArrayList<>(set);
            if (d.set() != null) ov.addAll(d.set());
            ExperimentConfig base = ConfigIO.load(baseDir.resolve(d.config()), ov).withName(d.name());
            bases.put(d.name(), base);
            SweepSpec s = new SweepSpec(base, List.of(new SweepSpec.Axis("method.name", methods)), seeds, parallelism);
            parts.add(new Part(d.name() + " table", s, out.resolve(d.name()).resolve("table")));
        }
        for (Sweep sw : sweeps) {
            ExperimentConfig base = bases.get(sw.dataset());
            if (base == null) throw new ConfigException("sweeps.dataset", "'" + sw.dataset() + "' is not a dataset of this matrix");
            if (sw.grid() == null || sw.grid().isEmpty()) throw new ConfigException("sweeps.grid", "a sweep needs at least one axis");
            ExperimentConfig b = ConfigIO.withOverrides(base, List.of("method.name=" + sw.method())).withName(RunNaming.sensitivityName(sw.dataset()));
            List<SweepSpec.Axis> axes = new ArrayList<>();
            StringBuilder label = new StringBuilder("sweep-" + sw.method());
            for (Map.Entry<String, List<String>> e : sw.grid().entrySet()) {
                axes.add(new SweepSpec.Axis(e.getKey(), e.getValue()));
                label.append('-').append(e.getKey().replace("method.", ""));
            }
            parts.add(new Part(sw.dataset() + " " + label, new SweepSpec(b, axes, sw.seeds() == null || sw.seeds().isEmpty() ? seeds : sw.seeds(), parallelism), out.resolve(sw.dataset()).resolve(label.toString())));
        }
        return parts;
    }
}
