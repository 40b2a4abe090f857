package org.iibalance.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.ProcessMemory;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.experiment.StepBenchmark;
import org.iibalance.experiment.TrainingEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: prints the figures of the engine on the quickstart model: median ms per training step
 * and clips/s at batch 32, the same step in PyTorch (bench/reference_iibalance.py, when Debian's
 * python3-torch is installed) with the ratio, the whole quickstart's wall time, and resident memory
 * after the first and the last epoch and at peak.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Print speed and memory figures of the quickstart model (a benchmark, not a test).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "configuration (default: the built-in quickstart defaults)")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--steps", defaultValue = "100", description = "timed steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch for the reference (default ${DEFAULT-VALUE})")
    String python;

    @Option(names = "--reference", defaultValue = "bench/reference_iibalance.py", description = "the PyTorch reference script")
    Path reference;

    @Option(names = "--no-quickstart", description = "skip the whole-quickstart run")
    boolean noQuickstart;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig cfg = ConfigIO.load(config, overrides);
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                org.iibalance.nn.Engine.version());
        StepBenchmark.Timing java = StepBenchmark.time(cfg, 10, steps);
        System.out.printf(Locale.ROOT, "java/libtorch  %s step: median %.2f ms (p90 %.2f), %.0f clips/s at batch %d, %d parameters, %d threads%n", java.method(),
                java.medianMs(), java.p90Ms(), java.clipsPerSecond(), java.batch(), java.parameters(), cfg.threads());
        Double py = pytorch(cfg.threads());
        if (py != null) {
            System.out.printf(Locale.ROOT, "ratio java/pytorch: %.2f (goal <= 1.2)%n", java.medianMs() / py);
        }
        if (!noQuickstart) quickstart(cfg);
        return 0;
    }

    private Double pytorch(int threads) {
        if (!Files.isRegularFile(reference)) {
            System.out.println("pytorch: reference script " + reference + " not found; skipped");
            return null;
        }
        try {
            Process p = new ProcessBuilder(python, reference.toString(), "--steps", Integer.toString(steps), "--threads", Integer.toString(threads))
                    .redirectErrorStream(true).start();
            String last = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) last = l;
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || last == null || !last.startsWith("median_ms_per_step=")) {
                System.out.println("pytorch: not measured (" + python + " has no torch? install Debian's python3-torch): " + last);
                return null;
            }
            double ms = Double.parseDouble(last.split("\\s+")[0].split("=")[1]);
            System.out.println("pytorch        same step: " + last);
            return ms;
        } catch (Exception e) {
            System.out.println("pytorch: not measured (" + e.getMessage() + ")");
            return null;
        }
    }

    private void quickstart(ExperimentConfig cfg) throws Exception {
        Path runs = Files.createTempDirectory("iibalance-bench");
        double[] rss = {Double.NaN, Double.NaN};
        long t0 = System.nanoTime();
        RunOutcome o = new ExperimentRunner(ConfigIO.withOverrides(cfg, List.of("output.runsDir=" + runs))).optListener(e -> {
            if (e instanceof TrainingEvent.EpochCompleted ep) {
                if (ep.epoch() == 1) rss[0] = ProcessMemory.rssMiB();
                rss[1] = ProcessMemory.rssMiB();
            }
        }).run();
        double wall = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "quickstart: %s in %.1f s wall in this JVM (goal < 60 s), test Acc_m %.3f; RSS after epoch 1 %.0f MiB, after the last %.0f MiB, peak %.0f MiB (goal < 2048)%n",
                o.state().label(), wall, o.results() == null ? Double.NaN : o.results().accMultimodal(), rss[0], rss[1], ProcessMemory.peakRssMiB());
    }
}
