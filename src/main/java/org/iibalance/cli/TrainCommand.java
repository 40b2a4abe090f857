package org.iibalance.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.DatasetException;
import org.iibalance.experiment.CancellationToken;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.run.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train --config FILE [--set key=value]... [--out DIR | --run-dir DIR] [--resume DIR]}. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train one run into a run folder (runs/<timestamp>-<name>/).")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (keys it omits take their defaults)")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one key, e.g. --set method.tau=0.1 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "folder that receives the run folder (default: output.runsDir, 'runs')")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "continue a stopped run folder from its last checkpoint")
    Path resume;

    // the cluster executor's array tasks train each trial into the exact folder the matrix expects
    @Option(names = "--run-dir", paramLabel = "DIR", description = "write the run into exactly this folder (created; must not hold a run yet) instead of <out>/<timestamp>-<name>")
    Path runDir;

    @Override
    public Integer call() {
        ExperimentRunner runner;
        try {
            if (resume != null) {
                if (config != null || !overrides.isEmpty()) {
                    System.err.println("--resume continues a run with the configuration in its folder; do not give --config or --set with it");
                    return 2;
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
        } catch (ConfigException e) {
            return CtrlC.refused("configuration", e);
        }
        CtrlC ctrlC = new CtrlC();
        CancellationToken cancel = ctrlC.token();
        try {
            RunOutcome o = runner.optListener(new ConsoleProgress(System.out)).optCancellation(cancel).run();
            return o.state() == RunState.COMPLETED ? 0 : o.state() == RunState.CANCELLED ? 130 : 1;
        } catch (ConfigException e) {
            return CtrlC.refused("configuration", e);
        } catch (DatasetException e) {
            System.err.println("dataset: " + e.getMessage());
            return 3;
        } finally {
            ctrlC.close();
        }
    }
}
