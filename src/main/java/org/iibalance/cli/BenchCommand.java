package org.iibalance.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.experiment.BenchFigures;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.ModelBenchmark;
import org.iibalance.experiment.ProcessMemory;
import org.iibalance.experiment.PytorchReference;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.experiment.TrainingEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: the engine's figures. {@code bench --model MODEL [--json FILE]} times one model's
 * training step in Java and in the PyTorch reference of the same architecture
 * (bench/reference_iibalance.py, run by {@code --python}), alternating in one run
 * ({@link ModelBenchmark}). Plain {@code bench} does that for the quickstart model, then runs the whole
 * quickstart and prints its wall time and resident memory after the first and the last epoch and at peak.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Print speed and memory figures of the quickstart model (a benchmark, not a test).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "configuration (default: the built-in quickstart defaults)")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch for the reference, e.g. a venv's bin/python (default ${DEFAULT-VALUE}); without torch the figures are Java only")
    String python;

    @Option(names = "--reference", defaultValue = "bench/reference_iibalance.py", description = "the PyTorch reference script")
    Path reference;

    @Option(names = "--no-quickstart", description = "skip the whole-quickstart run")
    boolean noQuickstart;

    @Option(names = "--model", paramLabel = "MODEL", description = "time one model's training step in Java and in the PyTorch reference of the same "
            + "architecture, alternating in one run: quickstart, resnet18, mobilenetv2 (visual backbone at 112 px, 1 frame, batch 8), an encoder "
            + "pair audio=ENC,visual=ENC, or a .yaml configuration (--set applies on top)")
    String model;

    @Option(names = "--json", paramLabel = "FILE", description = "with --model: also write the figures as JSON {model, batch, threads, javaMsPerStep, "
            + "pytorchMsPerStep, pytorchVersion, ratio, dataWaitFraction, peakRssMiB, ...}")
    Path json;

    @Option(names = "--rounds", defaultValue = "5", description = "with --model: alternating Java/PyTorch rounds (default ${DEFAULT-VALUE}); each side's figure is its best round")
    int rounds;

    @Option(names = "--round-steps", defaultValue = "10", description = "with --model: timed steps per side and round (default ${DEFAULT-VALUE})")
    int roundSteps;

    @Option(names = "--pytorch-keep-heap", description = "with --model: run PyTorch with the native-heap settings the Java engine applies to itself "
            + "(glibc's MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_), for a kernels-only comparison; default: PyTorch as a user runs it")
    boolean pytorchKeepHeap;

    @Option(names = "--warmup", defaultValue = "5", description = "with --model: untimed steps of each side first (default ${DEFAULT-VALUE})")
    int warmup;

    @Override
    public Integer call() throws Exception {
        if (json != null && model == null) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--json needs --model");
        boolean whole = model == null && !noQuickstart;
        if (model == null) model = config != null ? config.toString() : "quickstart";
        ExperimentConfig cfg = ModelBenchmark.resolve(model, overrides); // once, for both parts
        model(cfg);
        if (whole) quickstart(cfg);
        return 0;
    }

    private void model(ExperimentConfig cfg) throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %s, Java %s, %s; Java native heap kept: %s; PyTorch heap: %s%n",
                Runtime.getRuntime().availableProcessors(), ModelBenchmark.loadAverage(), System.getProperty("java.version"),
                org.iibalance.nn.Engine.version(), org.iibalance.nn.NativeHeap.keepFreedMemory(), pytorchKeepHeap ? "kept (same settings)" : "glibc defaults");
        Path spec = Files.createTempFile("iibalance-bench-spec", ".json");
        BenchFigures f;
        try (PytorchReference ref = Files.isRegularFile(reference) ? new PytorchReference(python, reference, pytorchKeepHeap) : null) {
            if (ref == null) System.out.println("pytorch: reference script " + reference + " not found; Java only");
            // a reference that fails (to start, or mid-way) does not stop the run: the Java figures are kept, with the reason
            f = ModelBenchmark.run(cfg, model, new ModelBenchmark.Options(warmup, rounds, roundSteps), ref, spec);
        } finally {
            Files.deleteIfExists(spec);
        }
        if (f.pytorchProblem() != null) System.out.println("pytorch: " + f.pytorchProblem() + "; no PyTorch figure, Java only");
        for (int i = 0; i < f.rounds().size(); i++) {
            BenchFigures.Round r = f.rounds().get(i);
            System.out.printf(Locale.ROOT, "round %d: java %.2f ms (cpu %.2f)%s%n", i + 1, r.javaMs(), r.javaCpuMs(),
                    r.pytorchMs() == null ? "" : String.format(Locale.ROOT, ", pytorch %.2f ms (cpu %.2f), ratio %.3f", r.pytorchMs(),
                            r.pytorchCpuMs() == null ? Double.NaN : r.pytorchCpuMs(), r.javaMs() / r.pytorchMs()));
        }
        System.out.printf(Locale.ROOT, "%s: batch %d, %d threads, %d parameters; java %.2f ms/step%s; data wait %.1f%% of the Java step time; peak RSS %.0f MiB (best of %d rounds of %d steps)%n",
                f.model(), f.batch(), f.threads(), f.javaParameters(), f.javaMsPerStep(),
                f.ratio() == null ? " (no PyTorch figure)" : String.format(Locale.ROOT, ", pytorch %s %.2f ms/step, ratio %.3f", f.pytorchVersion(), f.pytorchMsPerStep(), f.ratio()),
                100 * f.dataWaitFraction(), f.peakRssMiB(), f.rounds().size(), f.stepsPerRound());
        if (f.cpuRatio() != null) {
            System.out.printf(Locale.ROOT, "cpu time of the stepping thread: java %.2f ms, pytorch %.2f ms, ratio %.3f%s%n", f.javaCpuMsPerStep(),
                    f.pytorchCpuMsPerStep(), f.cpuRatio(), f.threads() == 1 ? "" : " (with more than one thread the other threads' work is not in it)");
        }
        if (json != null) {
            f.write(json);
            System.out.println("figures written to " + json);
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
