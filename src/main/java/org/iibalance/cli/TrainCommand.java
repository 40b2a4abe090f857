package org.iibalance.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.DatasetCheck;
import org.iibalance.data.DatasetException;
import org.iibalance.experiment.CancellationToken;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.run.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train --config FILE [--set key=value]... [--out DIR | --run-dir DIR] [--resume DIR] [--dry-run]}. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train one run into a run folder (<out>/<timestamp>-<name>/).")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (keys it omits take their defaults; list them with: iibalance config)")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one key, e.g. --set method.tau=0.1 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "folder that receives the run folder <timestamp>-<name>/ (default: output.runsDir, 'runs')")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "continue a stopped run folder from its last checkpoint")
    Path resume;

    // the cluster executor's array tasks train each trial into the exact folder the matrix expects
    @Option(names = "--run-dir", paramLabel = "DIR", description = "write the run into exactly this folder (created; must not hold a run yet) instead of <out>/<timestamp>-<name>")
    Path runDir;

    @Option(names = "--dry-run", description = "print the resolved configuration and what would be loaded (data, device, run folder), then exit")
    boolean dryRun;

    @Override
    public Integer call() {
        if (CtrlC.outputFolderIsAFile("--out", out, "the run folder") >= 0) return ExitCodes.REFUSED;
        ExperimentRunner runner;
        try {
            if (resume != null) {
                if (config != null || !overrides.isEmpty()) {
                    System.err.println("--resume continues a run with the configuration in its folder; do not give --config or --set with it");
                    return ExitCodes.REFUSED;
                }
                runner = ExperimentRunner.resume(resume);
            } else {
                if (out != null && runDir != null) {
                    System.err.println("--run-dir names the run folder itself; do not give --out with it");
                    return 2;
                }
                List<String> all = new ArrayList<>(overrides);
                if (out != null) all.add("output.runsDir=" + out);
                ExperimentConfig cfg = ConfigIO.load(config, all);
                runner = new ExperimentRunner(cfg);
                if (runDir != null) runner.optRunDir(runDir);
            }
            if (dryRun) return dryRun(runner.config());
        } catch (ConfigException e) {
            return CtrlC.refused("configuration", e);
        }
        CtrlC ctrlC = new CtrlC();
        CancellationToken cancel = ctrlC.token();
        try (ConsoleProgress progress = new ConsoleProgress(System.out, Logging.quiet(), runner.config().training().epochs(),
                runner.config().training().batchSize())) {
            RunOutcome o = runner.optListener(progress).optCancellation(cancel).run();
            return o.state() == RunState.COMPLETED ? ExitCodes.OK : o.state() == RunState.CANCELLED ? ExitCodes.CANCELLED : ExitCodes.FAILED;
        } catch (ConfigException e) {
            return CtrlC.refused("configuration", e);
        } catch (DatasetException e) {
            System.err.println("dataset: " + e.getMessage());
            return ExitCodes.BAD_DATA;
        } finally {
            ctrlC.close();
        }
    }

    /** {@code --dry-run}: validate, print the resolved configuration, load and summarise the data; train nothing, write nothing. */
    private int dryRun(ExperimentConfig cfg) throws ConfigException {
        ExperimentRunner.validate(cfg);
        System.out.println("# resolved configuration (what config.yaml of the run would hold)");
        System.out.print(ConfigIO.toYaml(cfg));
        System.out.println();
        System.out.println("# would write: " + (resume != null ? resume + " (resumed)" : Path.of(cfg.output().runsDir(), "<timestamp>-" + cfg.name()) + "/"));
        System.out.println("# device: " + cfg.device() + ", libtorch threads: " + (cfg.threads() == 0 ? "libtorch's default" : cfg.threads()));
        System.out.println("# would load:");
        try {
            DatasetCheck.describe(cfg, l -> System.out.println("  " + l));
        } catch (DatasetException e) {
            System.err.println("dataset: " + e.getMessage());
            return ExitCodes.BAD_DATA;
        }
        System.out.println("# dry run: nothing was trained or written");
        return ExitCodes.OK;
    }
}
