package org.iibalance.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.DatasetException;
import org.iibalance.run.RunFiles;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;

/**
 * Runs the trials of a {@link SweepSpec} into {@code <sweepDir>/<trial name>/}, at most
 * {@code parallelism} at once. A trial whose folder already completed is skipped (read back), one
 * stopped with a checkpoint is resumed: a stopped sweep continues where it was.
 */
public final class SweepRunner {
    private final SweepSpec spec;
    private final Path dir;
    private final List<SweepListener> listeners = new ArrayList<>();
    private CancellationToken cancel = new CancellationToken();

    public SweepRunner(SweepSpec spec, Path sweepDir) {
        this.spec = spec;
        this.dir = sweepDir;
    }

    public SweepRunner optListener(SweepListener l) {
        listeners.add(l);
        return this;
    }

    public SweepRunner optCancellation(CancellationToken t) {
        cancel = t;
        return this;
    }

    public Path dir() {
        return dir;
    }

    /** Runs every trial; returns their outcomes in grid order. */
    public List<RunOutcome> run() throws ConfigException, IOException {
        List<SweepSpec.Trial> trials = spec.trials();
        Files.createDirectories(dir);
        ConfigIO.writeAtomically(dir.resolve("sweep.txt"), describe(trials));
        int par = Math.max(1, spec.parallelism());
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(par, r -> {
            Thread t = new Thread(r, "sweep-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunOutcome>> fs = new ArrayList<>();
            for (SweepSpec.Trial t : trials) fs.add(pool.submit(() -> runTrial(t, Math.max(1, cores / par))));
            List<RunOutcome> out = new ArrayList<>();
            for (Future<RunOutcome> f : fs) {
                try {
                    out.add(f.get());
                } catch (Exception e) {
                    out.add(new RunOutcome(RunState.FAILED, null, null, String.valueOf(e.getCause())));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A trial's libtorch threads: its share of the cores ({@code cores / parallel}), or fewer when its
     * configuration asks for fewer ({@code threads: 1} in a spec's {@code set} is kept; 0 means "its
     * share"). Never more than its share, so parallel trials do not oversubscribe the cores.
     */
    static int trialThreads(int configured, int share) {
        return configured > 0 ? Math.min(configured, share) : share;
    }

    private RunOutcome runTrial(SweepSpec.Trial t, int threads) {
        Path runDir = dir.resolve(t.name());
        if (ExperimentRunner.completed(runDir)) {
            try {
                RunOutcome done = new RunOutcome(RunState.COMPLETED, runDir, RunSummary.results(runDir), null);
                for (SweepListener l : listeners) l.trialFinished(t, done, true);
                return done;
            } catch (IOException e) {
                // unreadable results: run it again below
            }
        }
        if (cancel.isCancelled()) {
            RunOutcome c = new RunOutcome(RunState.CANCELLED, null, null, "sweep cancelled before this trial started");
            for (SweepListener l : listeners) l.trialFinished(t, c, false);
            return c;
        }
        for (SweepListener l : listeners) l.trialStarted(t);
        RunOutcome o;
        try {
            ExperimentRunner r;
            if (RunFiles.hasConfig(runDir)) {
                // stopped (with or without a checkpoint: ExperimentRunner.resume starts over when there is none)
                r = ExperimentRunner.resume(runDir);
            } else {
                ExperimentConfig cfg = ConfigIO.withOverrides(t.config(), List.of("threads=" + trialThreads(t.config().threads(), threads)));
                r = new ExperimentRunner(cfg).optRunDir(runDir);
            }
            r.optCancellation(cancel).optListener(e -> {
                for (SweepListener l : listeners) l.trialEvent(t, e);
            });
            o = r.run();
        } catch (ConfigException | DatasetException e) {
            o = new RunOutcome(RunState.FAILED, runDir, null, e.getMessage());
        } catch (RuntimeException e) {
            o = new RunOutcome(RunState.FAILED, runDir, null, e.toString());
        }
        for (SweepListener l : listeners) l.trialFinished(t, o, false);
        return o;
    }

    private String describe(List<SweepSpec.Trial> trials) {
        StringBuilder b = new StringBuilder("# sweep: one line per trial (folder name, overrides)\n");
        for (SweepSpec.Trial t : trials) b.append(t.name()).append('\t').append(String.join(" ", t.overrides())).append('\n');
        return b.toString();
    }
}
