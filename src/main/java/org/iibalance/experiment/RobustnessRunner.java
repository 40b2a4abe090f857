package org.iibalance.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.iibalance.config.ConfigException;
import org.iibalance.data.DatasetException;
import org.iibalance.data.ModalitySpec;
import org.iibalance.data.corruption.Corruption;
import org.iibalance.data.corruption.CorruptionSpec;
import org.iibalance.run.RobustnessTable;
import org.iibalance.run.RunScan;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;

/**
 * {@code robustness}: every completed run, evaluated on its test split clean and under each
 * corruption at each severity ({@link #defaultGrid} unless specs are given), one
 * {@link RobustnessTable} row each: Acc_m, each head's accuracy, the mean fusion weights (methods
 * with weights). Runs are evaluated {@code parallel} at a time; the table is rewritten atomically
 * after every row, and rows already in it are skipped, so a stopped run resumes where it stopped.
 */
public final class RobustnessRunner {
    /** The SNRs (dB) of the default audio-noise grid, from clean-ish to drowned. */
    public static final List<Double> SNR_DB = List.of(20.0, 10.0, 0.0, -10.0, -20.0);

    /**
     * A progress line's figures.
     *
     * @param done     rows evaluated so far (skipped rows included)
     * @param total    rows expected (an estimate until every run is loaded)
     * @param eta      seconds left, NaN until a row was evaluated
     * @param line     what just happened
     * @param table    the table as written after this row (a watcher shows it without re-reading the file)
     */
    public record Progress(int done, int total, double eta, String line, RobustnessTable table) {}

    private final List<Path> roots;
    private final Path out;
    private final int parallel;
    private List<String> specs;
    private long seed;
    private Consumer<Progress> progress = p -> {};
    private final Map<Path, String> skipped = new LinkedHashMap<>();

    public RobustnessRunner(List<Path> roots, Path out, int parallel) {
        this.roots = List.copyOf(roots);
        this.out = out;
        this.parallel = Math.max(1, parallel);
    }

    /** The corruption specs to evaluate (default: {@link #defaultGrid} of each run's modalities). */
    public RobustnessRunner optCorruptions(List<String> specs) {
        for (String s : specs) CorruptionSpec.parse(s); // refuse a bad spec before anything runs
        this.specs = specs.isEmpty() ? null : List.copyOf(specs);
        return this;
    }

    public RobustnessRunner optSeed(long seed) {
        this.seed = seed;
        return this;
    }

    public RobustnessRunner optProgress(Consumer<Progress> p) {
        this.progress = p;
        return this;
    }

    /** Folders found but not evaluated, with the reason. */
    public Map<Path, String> skipped() {
        return skipped;
    }

    /**
     * The default grid for a dataset's modalities: for every modality white noise at {@link #SNR_DB}
     * and missing; spectrograms also muted; frames also darkened (0.5, 0.8, 0.95), occluded (0.25,
     * 0.5, 0.75), pixel noise (0.5, 1, 2) and frozen.
     */
    public static List<String> defaultGrid(List<ModalitySpec> modalities) {
        List<String> g = new ArrayList<>();
        for (ModalitySpec m : modalities) {
            String n = m.name();
            for (double snr : SNR_DB) g.add(n + "-noise:snr=" + (long) snr);
            if (m.kind() == ModalitySpec.Kind.SPECTROGRAM) g.add(n + "-mute:fraction=1");
            if (m.kind() == ModalitySpec.Kind.FRAMES) {
                for (String l : List.of("0.5", "0.8", "0.95")) g.add(n + "-darken:level=" + l);
                for (String s : List.of("0.25", "0.5", "0.75")) g.add(n + "-occlude:size=" + s);
                for (String s : List.of("0.5", "1", "2")) g.add(n + "-pixel-noise:sigma=" + s);
                g.add(n + "-freeze:fraction=1");
            }
            g.add(n + "-missing");
        }
        return g;
    }

    /** Evaluates what is not in the table yet; returns the whole table. */
    public RobustnessTable run() throws IOException, InterruptedException {
        RunScan scan = RunScan.of(roots);
        scan.problems().forEach((r, why) -> skipped.put(Path.of(r), why));
        List<Path> runs = new ArrayList<>();
        for (Path r : scan.runs()) {
            try {
                RunState st = RunSummary.stateOf(r).state();
                if (st == RunState.COMPLETED) runs.add(r);
                else skipped.put(r, "not completed (" + st.name().toLowerCase() + ")");
            } catch (IOException e) {
                skipped.put(r, e.getMessage());
            }
        }
        Object lock = new Object();
        RobustnessTable[] table = {RobustnessTable.readOrEmpty(out)};
        int perRun = specs != null ? specs.size() + 1 : 1 + defaultGrid(List.of(
                new ModalitySpec("a", ModalitySpec.Kind.SPECTROGRAM, new long[] {1}), new ModalitySpec("v", ModalitySpec.Kind.FRAMES, new long[] {1}))).size();
        AtomicInteger total = new AtomicInteger(runs.size() * perRun), done = new AtomicInteger(), evaluated = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (Path r : runs) {
                jobs.add(pool.submit(() -> {
                    evaluateRun(r, table, lock, total, done, evaluated, perRun, start);
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) throw io;
                    if (c instanceof InterruptedException ie) throw ie;
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return table[0];
    }

    private void evaluateRun(Path r, RobustnessTable[] table, Object lock, AtomicInteger total, AtomicInteger done, AtomicInteger evaluated,
            int perRunEstimate, long start) throws IOException, InterruptedException {
        String key = r.toAbsolutePath().normalize().toString(); // the resume key: the same run whatever path named it
        SavedRun saved;
        try {
            saved = SavedRun.open(r, List.of());
        } catch (ConfigException | DatasetException e) {
            synchronized (lock) {
                skipped.put(r, e.getMessage());
            }
            done.addAndGet(perRunEstimate);
            return;
        }
        List<String> grid = new ArrayList<>();
        grid.add(RobustnessTable.CLEAN);
        grid.addAll(specs != null ? specs : defaultGrid(saved.data().modalities()));
        total.addAndGet(grid.size() - perRunEstimate);
        List<String> mods = saved.data().modalityNames();
        for (String spec : grid) {
            if (Thread.interrupted()) throw new InterruptedException();
            synchronized (lock) {
                if (table[0].has(key, spec)) {
                    done.incrementAndGet();
                    continue;
                }
            }
            List<Corruption> cs = spec.equals(RobustnessTable.CLEAN) ? List.of() : List.of(CorruptionSpec.parse(spec));
            try {
                org.iibalance.data.corruption.Corruptions.check(cs, saved.data().modalities());
            } catch (IllegalArgumentException e) {
                synchronized (lock) {
                    skipped.put(r.resolve(spec), e.getMessage());
                }
                done.incrementAndGet();
                continue;
            }
            Evaluation e = saved.evaluate("test", cs, seed);
            Map<String, Double> acc = new LinkedHashMap<>(), w = new LinkedHashMap<>();
            for (int m = 0; m < mods.size(); m++) {
                acc.put(mods.get(m), e.modalityAccuracy()[m]);
                w.put(mods.get(m), e.weightMean() == null ? Double.NaN : e.weightMean()[m]);
            }
            Corruption c = cs.isEmpty() ? null : cs.get(0);
            RobustnessTable.Row row = new RobustnessTable.Row(key, saved.config().name(), saved.methodName(), saved.config().seed(), saved.data().name(),
                    c == null ? RobustnessTable.CLEAN : c.name(), c == null || c.parameter() == null ? "" : c.parameter(),
                    c == null ? Double.NaN : c.severity(), spec, e.clips().size(), e.accuracy(), acc, w);
            int n, ev;
            RobustnessTable written;
            synchronized (lock) {
                table[0] = table[0].plus(List.of(row));
                table[0].write(RobustnessTable.file(out));
                written = table[0];
                n = done.incrementAndGet();
                ev = evaluated.incrementAndGet();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            double eta = secs / ev * Math.max(0, total.get() - n);
            progress.accept(new Progress(n, total.get(), eta, String.format(java.util.Locale.ROOT, "%s %s: Acc_m %.3f", saved.config().name(), spec, e.accuracy()),
                    written));
        }
    }
}
