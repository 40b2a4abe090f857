package org.iibalance.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iibalance.config.ConfigException;
import org.iibalance.experiment.CancellationToken;
import org.iibalance.experiment.MatrixRunner;
import org.iibalance.experiment.MatrixSpec;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.run.RunState;
import org.iibalance.experiment.SweepListener;
import org.iibalance.experiment.SweepSpec;
import org.iibalance.experiment.cluster.ClusterTrial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code matrix --spec FILE [--parallel N] [--out DIR] [--executor local|slurm ...]}, {@code matrix --status DIR}, {@code matrix --cancel DIR}. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Run methods x datasets x seeds (Tables I and II, optional Fig. 4 sweeps) into run folders; a stopped matrix resumes.")
final class MatrixCommand implements Callable<Integer> {
    @Option(names = "--spec", paramLabel = "FILE", description = "matrix spec (YAML), e.g. sample-configs/matrix-synthetic.yaml")
    Path spec;

    @Option(names = "--parallel", paramLabel = "N", description = "runs at once (default: the spec's parallel)")
    Integer parallel;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key of every run's configuration (repeatable; appended to the spec's set)")
    List<String> overrides = new java.util.ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/matrix",
            description = "folder that receives the matrix's run folders (default ${DEFAULT-VALUE}; an existing one resumes)")
    Path out;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() throws Exception {
        // cluster: --status / --cancel of a submitted folder need no spec
        if (cluster.statusDir != null) return ClusterOptions.status(cluster.statusDir, System.out);
        if (cluster.cancelDir != null) return ClusterOptions.cancel(cluster.cancelDir, System.out);
        if (spec == null) {
            System.err.println("matrix: --spec FILE is required (or --status DIR / --cancel DIR)");
            return ExitCodes.REFUSED;
        }
        if (cluster.misuse() != null) {
            System.err.println("matrix: " + cluster.misuse() + " only work(s) with --executor slurm");
            return ExitCodes.REFUSED;
        }
        if (CtrlC.outputFolderIsAFile("--out", out, "the run folders") >= 0) return ExitCodes.REFUSED;
        MatrixSpec m;
        try {
            m = MatrixSpec.load(spec).withOverrides(overrides);
        } catch (ConfigException e) {
            return CtrlC.refused("matrix spec", e);
        }
        if (cluster.slurm()) {
            try {
                return cluster.submit("matrix", ClusterTrial.ofMatrix(m, out), out, System.out);
            } catch (ConfigException e) {
                return CtrlC.refused("configuration", e);
            }
        }
        CtrlC ctrlC = new CtrlC();
        CancellationToken cancel = ctrlC.token();
        long t0 = System.nanoTime();
        try {
            int n = 0;
            for (MatrixSpec.Part p : m.parts(out, parallel != null ? parallel : m.parallel())) n += p.spec().trials().size();
            TrialProgress k = new TrialProgress(n);
            MatrixRunner r = new MatrixRunner(m, out, parallel != null ? parallel : m.parallel()).optCancellation(cancel).optListener(new SweepListener() {
                @Override
                public void trialStarted(SweepSpec.Trial t) {
                    if (!Logging.quiet()) System.out.println(k.starting() + " start " + t.config().name() + "/" + t.name());
                }

                @Override
                public synchronized void trialFinished(SweepSpec.Trial t, RunOutcome o, boolean skipped) {
                    String at = k.finished(skipped);
                    if (o.state() == RunState.COMPLETED) {
                        System.out.printf(Locale.ROOT, "%s %s %s/%s  test Acc_m %.4f  %s  (%.0f s)%n", at, skipped ? "kept" : "done", t.config().name(),
                                t.name(), o.results().accMultimodal(), ConsoleProgress.modalityAccuracies(o.results(), "%.4f"),
                                org.iibalance.run.Results.orNaN(o.results().trainSeconds()));
                    } else {
                        System.out.println(at + " " + o.state().label() + " " + t.config().name() + "/" + t.name() + ": " + o.reason());
                    }
                }
            });
            System.out.println("matrix folder: " + out);
            List<RunOutcome> outcomes = r.run();
            long ok = outcomes.stream().filter(o -> o.state() == RunState.COMPLETED).count();
            System.out.printf(Locale.ROOT, "%d of %d runs completed in %.1f min; tables and figures with: report --runs %s --out <dir>%n", ok, outcomes.size(),
                    (System.nanoTime() - t0) / 60e9, out);
            return ok == outcomes.size() ? 0 : 1;
        } catch (ConfigException e) {
            return CtrlC.refused("configuration", e);
        } finally {
            ctrlC.close();
        }
    }
}
