package org.iibalance.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.experiment.CancellationToken;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.run.RunState;
import org.iibalance.experiment.SweepListener;
import org.iibalance.experiment.SweepRunner;
import org.iibalance.experiment.SweepSpec;
import org.iibalance.experiment.cluster.ClusterTrial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep --config FILE --grid key=v1,v2 [--grid ...] [--seeds 1,2,3] [--parallel N] [--out DIR]}. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a grid of trials (e.g. method.tau and method.gamma, Fig. 4) into one sweep folder; a stopped sweep resumes.")
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "base YAML configuration")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key of the base configuration (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--grid", paramLabel = "KEY=V1,V2,...", description = "one axis of the grid (repeatable)")
    List<String> grid = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "S1,S2,...", split = ",", description = "seeds of every grid point (default: the config's seed)")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "trials at once (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--out", paramLabel = "DIR", description = "folder that receives the sweep's run folders, one per trial (default: <runsDir>/<timestamp>-sweep-<name>; an existing one resumes)")
    Path out;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() throws Exception {
        // cluster: --status / --cancel of a submitted folder need no grid
        if (cluster.statusDir != null) return ClusterOptions.status(cluster.statusDir, System.out);
        if (cluster.cancelDir != null) return ClusterOptions.cancel(cluster.cancelDir, System.out);
        if (grid.isEmpty()) {
            System.err.println("sweep: at least one --grid KEY=V1,V2,... is required (or --status DIR / --cancel DIR)");
            return ExitCodes.REFUSED;
        }
        if (cluster.misuse() != null) {
            System.err.println("sweep: " + cluster.misuse() + " only work(s) with --executor slurm");
            return ExitCodes.REFUSED;
        }
        if (CtrlC.outputFolderIsAFile("--out", out, "the run folders") >= 0) return ExitCodes.REFUSED;
        ExperimentConfig base;
        List<SweepSpec.Axis> axes = new ArrayList<>();
        try {
            base = ConfigIO.load(config, overrides);
            for (String g : grid) axes.add(SweepSpec.Axis.parse(g));
        } catch (ConfigException e) {
            return CtrlC.refused("configuration", e);
        }
        Path dir = out != null ? out : Path.of(base.output().runsDir(),
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-sweep-" + base.name());
        if (out == null && CtrlC.outputFolderIsAFile("output.runsDir", Path.of(base.output().runsDir()), "the run folders") >= 0) return ExitCodes.REFUSED;
        if (cluster.slurm()) {
            try {
                return cluster.submit("sweep", ClusterTrial.ofSweep(new SweepSpec(base, axes, seeds, parallel), dir), dir, System.out);
            } catch (ConfigException e) {
                return CtrlC.refused("configuration", e);
            }
        }
        CtrlC ctrlC = new CtrlC();
        CancellationToken cancel = ctrlC.token();
        try {
            SweepSpec sweep = new SweepSpec(base, axes, seeds, parallel);
            TrialProgress k = new TrialProgress(sweep.trials().size());
            SweepRunner runner = new SweepRunner(sweep, dir).optCancellation(cancel).optListener(new SweepListener() {
                @Override
                public void trialStarted(SweepSpec.Trial t) {
                    if (!Logging.quiet()) System.out.println(k.starting() + " start " + t.name());
                }

                @Override
                public synchronized void trialFinished(SweepSpec.Trial t, RunOutcome o, boolean skipped) {
                    String at = k.finished(skipped);
                    if (o.state() == RunState.COMPLETED) {
                        System.out.printf(Locale.ROOT, "%s %s %s  test Acc_m %.4f  %s  val Acc_m %.4f%n", at, skipped ? "kept" : "done",
                                t.name(), o.results().accMultimodal(), ConsoleProgress.modalityAccuracies(o.results(), "%.4f"),
                                o.results().valAccuracy());
                    } else {
                        System.out.println(at + " " + o.state().label() + " " + t.name() + ": " + o.reason());
                    }
                }
            });
            System.out.println("sweep folder: " + dir);
            List<RunOutcome> outcomes = runner.run();
            long ok = outcomes.stream().filter(o -> o.state() == RunState.COMPLETED).count();
            System.out.println(ok + " of " + outcomes.size() + " trials completed; summarise with: report --runs " + dir);
            return ok == outcomes.size() ? 0 : 1;
        } catch (ConfigException e) {
            return CtrlC.refused("configuration", e);
        } finally {
            ctrlC.close();
        }
    }
}
