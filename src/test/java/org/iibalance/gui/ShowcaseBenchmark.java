package org.iibalance.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.TrainingEvent;
import org.iibalance.gui.util.FxTaskExecutor;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: the benchmark and the screenshot tool, run on demand (headless, Monocle):
 * {@code mvn -q -B test -Dtest=ShowcaseBenchmark}. Trains the demo preset ({@link #PRESET}; the
 * libtorch threads from {@code -Dgui.threads}, else the preset's) headless, then in the GUI, then
 * headless again (the control), prints the FX pulse gaps, both throughputs and where the CPU went
 * during the GUI run (FX thread, its chart redraws, the renderer thread, the rest), then snapshots
 * every view into {@code assets/} (also a baseline's Training tab with its control signal).
 */

class ShowcaseBenchmark {
    static final String PRESET = "sample-configs/demo.yaml";
    static final List<String> CONFIG = System.getProperty("gui.threads") == null ? List.of() : List.of("threads=" + System.getProperty("gui.threads"));
    /** {@code -Dshowcase.shots=false}: the benchmark only (no screenshots, no sweep, no baseline run). */
    static final boolean SHOTS = !"false".equals(System.getProperty("showcase.shots"));

    @Test
    void benchmarkAndScreenshots() throws Exception {
        Path runs = Files.createTempDirectory("iib-showcase");
        Path assets = Path.of(System.getProperty("gui.assets", "assets"));
        Files.createDirectories(assets);
        List<String> ov = new ArrayList<>(CONFIG);
        ov.add("output.runsDir=" + runs.toAbsolutePath());
        ExperimentConfig cfg = ConfigIO.load(Path.of(PRESET), ov);

        // 1. headless, as `train` does
        List<Double> headless = new ArrayList<>();
        headless(cfg, headless);

        // 2. the same in the GUI, recording the gaps between FX pulses
        Stage stage = FxToolkit.registerPrimaryStage();
        WorkbenchViewModel vm = new WorkbenchViewModel(new FxTaskExecutor(), runs);
        WorkbenchView[] view = new WorkbenchView[1];
        Scene[] scene = new Scene[1];
        List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
        List<Long> idleGaps = Collections.synchronizedList(new ArrayList<>());
        java.util.Map<String, Double> cpuBefore = new java.util.concurrent.ConcurrentHashMap<>();
        boolean[] recording = {true};
        boolean[] control = {false};
        AnimationTimer timer = new AnimationTimer() {
            long last;

            @Override
            public void handle(long now) {
                if (last != 0 && recording[0] && vm.training().statusProperty().get().active()) gaps.add(now - last);
                if (last != 0 && control[0]) idleGaps.add(now - last);
                last = now;
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            view[0] = WorkbenchApp.createView(vm);
            scene[0] = new Scene(view[0], 1280, 820); // the window's default size
            stage.setScene(scene[0]);
            stage.show();
            vm.setup().setLoaded(cfg.withName("gui"), Path.of(PRESET));
            timer.start();
            cpuBefore.putAll(threadCpu());
            vm.train();
            view[0].tabs().getSelectionModel().select(1);
        }).get();
        // a screenshot of the live view mid-training
        WaitForAsyncUtils.waitFor(3600, TimeUnit.SECONDS, () -> vm.training().epochsCompletedProperty().get() >= 1
                && org.iibalance.run.TrainingPhase.TRAIN.equals(vm.training().phaseProperty().get()));
        Thread.sleep(3000);
        recording[0] = false; // a snapshot blocks the FX thread: not part of the measurement
        if (SHOTS) snap(scene[0], assets.resolve("gui-training-live.png"));
        Thread.sleep(500);
        recording[0] = true;
        WaitForAsyncUtils.waitFor(3600, TimeUnit.SECONDS, () -> !vm.training().statusProperty().get().active());
        java.util.Map<String, Double> cpuAfter = threadCpu();
        double wall = vm.training().elapsedProperty().get();
        List<Double> gui = new ArrayList<>(vm.training().epochClipsPerSecond());
        List<Double> headless2 = new ArrayList<>();
        // again after the GUI run, so that JIT warm-up and load drift show; the window stays up with its
        // charts still, and its pulse gaps are the control: what the machine's load alone does to them
        control[0] = true;
        headless(cfg, headless2);
        control[0] = false;
        WaitForAsyncUtils.asyncFx(timer::stop).get();

        List<Long> sorted = new ArrayList<>(gaps);
        Collections.sort(sorted);
        double p50 = percentile(sorted, 0.5);
        double p99 = percentile(sorted, 0.99);
        double max = percentile(sorted, 1);
        List<Long> idle = new ArrayList<>(idleGaps);
        Collections.sort(idle);
        double h = headless.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double h2 = headless2.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double g = gui.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        String report = String.format(Locale.ROOT, "config: %s%n"
                + "FX pulse gaps while training: %d frames, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %d gaps over 50 ms%n"
                + "control, same window idle while the headless run after trains: %d frames, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %d over 50 ms%n"
                + "throughput (multimodal epochs, clips/s): headless before %s mean %.1f | GUI %s mean %.1f | headless after %s mean %.1f%n"
                + "GUI / mean of the two headless runs: %.3f%n"
                + "chart redraws by the refresher (whole session so far): %d, %.1f s on the FX thread%n"
                + "CPU seconds during the GUI run (%.0f s wall, run elapsed): %s%n"
                + "load average at the end: %s%n", PRESET + " " + CONFIG, sorted.size(), p50, percentile(sorted, 0.95), p99, max,
                over(sorted, 50), idle.size(), percentile(idle, 0.5), percentile(idle, 0.95), percentile(idle, 0.99), percentile(idle, 1), over(idle, 50), headless, h, gui, g, headless2, h2,
                g / ((h + h2) / 2), view[0].refresher().redraws(), view[0].refresher().redrawSeconds(), wall, cpuReport(cpuBefore, cpuAfter),
                java.nio.file.Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).trim() : "?");
        System.out.println(report);
        Files.writeString(Path.of("target/gui-benchmark.txt"), report);

        // -Dshowcase.rounds=N: N-1 more rounds of (GUI run, headless run), each GUI run against the
        // headless runs on either side of it, so that a drifting load shows as a spread of ratios
        int rounds = Integer.getInteger("showcase.rounds", 1);
        if (rounds > 1) {
            List<Double> ratios = new ArrayList<>(List.of(g / ((h + h2) / 2)));
            StringBuilder more = new StringBuilder();
            double before = h2;
            for (int r = 2; r <= rounds; r++) {
                WaitForAsyncUtils.asyncFx(() -> {
                    vm.setup().setLoaded(cfg.withName("gui"), Path.of(PRESET));
                    vm.train();
                }).get();
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.training().statusProperty().get().active());
                WaitForAsyncUtils.waitFor(3600, TimeUnit.SECONDS, () -> !vm.training().statusProperty().get().active());
                double gr = vm.training().epochClipsPerSecond().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                List<Double> hn = new ArrayList<>();
                headless(cfg, hn);
                double hr = hn.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                ratios.add(gr / ((before + hr) / 2));
                more.append(String.format(Locale.ROOT, "round %d (no pulse-gap timer): GUI mean %.1f | headless after mean %.1f | ratio %.3f | load %s%n", r, gr, hr,
                        ratios.get(ratios.size() - 1), Files.readString(Path.of("/proc/loadavg")).trim()));
                before = hr;
            }
            List<Double> sortedRatios = new ArrayList<>(ratios);
            Collections.sort(sortedRatios);
            double median = sortedRatios.size() % 2 == 1 ? sortedRatios.get(sortedRatios.size() / 2)
                    : (sortedRatios.get(sortedRatios.size() / 2 - 1) + sortedRatios.get(sortedRatios.size() / 2)) / 2;
            more.append(String.format(Locale.ROOT, "GUI / headless over %d rounds: %s, median %.3f%n", rounds, ratios, median));
            System.out.println(more);
            Files.writeString(Path.of("target/gui-benchmark.txt"), report + more);
        }

        if (!SHOTS) return;
        // 3. screenshots of every view
        for (int[] t : new int[][] {{0, 0}, {1, 1}, {2, 2}}) {
            WaitForAsyncUtils.asyncFx(() -> view[0].tabs().getSelectionModel().select(t[0])).get();
            if (t[0] == 0) WaitForAsyncUtils.asyncFx(() -> vm.setup().loadDataset()).get();
            if (t[0] == 0) WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.setup().datasetSummaryProperty().get() != null);
            Thread.sleep(1500);
            snap(scene[0], assets.resolve(new String[] {"gui-setup.png", "gui-training.png", "gui-budgets.png"}[t[1]]));
        }
        WaitForAsyncUtils.asyncFx(() -> {
            view[0].tabs().getSelectionModel().select(3);
            vm.gating().misclassifiedOnlyProperty().set(true);
            view[0].gatingView().table().getSelectionModel().select(0);
        }).get();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.gating().detailProperty().get() != null && vm.gating().detailProperty().get().frames() != null);
        Thread.sleep(1500);
        snap(scene[0], assets.resolve("gui-gating.png"));

        // a sweep of the demo preset that learns (Fig. 4): tau x gamma, one seed, one libtorch thread per trial
        // (-Dshowcase.sweepTau, -Dshowcase.sweepGamma, -Dshowcase.sweepParallel change the grid and the trials at a time)
        WaitForAsyncUtils.asyncFx(() -> {
            vm.setup().apply(List.of("threads=1", "output.runsDir=" + runs.toAbsolutePath()));
            vm.sweep().axis1ValuesProperty().set(System.getProperty("showcase.sweepTau", "0.1,0.5,1.0"));
            vm.sweep().axis2ValuesProperty().set(System.getProperty("showcase.sweepGamma", "0.5,1.0"));
            vm.sweep().seedsProperty().set("1");
            vm.sweep().parallelismProperty().set(Integer.getInteger("showcase.sweepParallel", 1));
            view[0].tabs().getSelectionModel().select(4);
            vm.sweep().start();
        }).get();
        WaitForAsyncUtils.waitFor(900, TimeUnit.SECONDS, () -> !vm.sweep().runningProperty().get());
        Thread.sleep(1500);
        snap(scene[0], assets.resolve("gui-sweep.png"));
        WaitForAsyncUtils.asyncFx(() -> {
            vm.runs().refresh();
            view[0].tabs().getSelectionModel().select(5);
        }).get();
        Thread.sleep(2000);
        WaitForAsyncUtils.asyncFx(() -> {
            var tv = view[0].runsView().table();
            for (int i = 0; i < tv.getItems().size(); i++) {
                // the GUI run and the sweep's first trial (tau 0.1): two runs whose curves differ (the
                // three demo runs of the benchmark are the same seed and configuration: their curves coincide)
                Path d = tv.getItems().get(i).dir();
                boolean guiRun = runs.equals(d.getParent()) && d.getFileName().toString().endsWith("-gui");
                boolean firstTrial = !runs.equals(d.getParent()) && d.getFileName().toString().startsWith("000-");
                if (guiRun || firstTrial) tv.getSelectionModel().select(i);
            }
        }).get();
        Thread.sleep(1500);
        snap(scene[0], assets.resolve("gui-runs.png"));

        // a baseline's Training tab: OGM-GE has no lambda(t); its own control signal k_m is drawn instead
        WaitForAsyncUtils.asyncFx(() -> {
            List<String> b = new ArrayList<>(ov);
            b.addAll(List.of("name=ogm-ge", "method.name=ogm-ge", "training.epochs=4", "dataset.synthetic.trainClips=320"));
            try {
                vm.setup().setLoaded(ConfigIO.load(Path.of(PRESET), b), Path.of(PRESET));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            vm.train();
            view[0].tabs().getSelectionModel().select(1);
        }).get();
        WaitForAsyncUtils.waitFor(3600, TimeUnit.SECONDS, () -> !vm.training().statusProperty().get().active());
        Thread.sleep(2500);
        snap(scene[0], assets.resolve("gui-training-baseline.png"));
    }

    /** CPU seconds per thread group: the FX application thread, the renderer, libtorch/training and the rest. */
    private static java.util.Map<String, Double> threadCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        for (long id : mx.getAllThreadIds()) {
            java.lang.management.ThreadInfo ti = mx.getThreadInfo(id);
            long ns = mx.getThreadCpuTime(id);
            if (ti == null || ns < 0) continue;
            String n = ti.getThreadName();
            String group = n.equals("JavaFX Application Thread") ? "fx" : n.startsWith("QuantumRenderer") ? "renderer"
                    : n.startsWith("workbench-bg") ? "training (background job)" : "other JVM threads";
            out.merge(group, ns / 1e9, Double::sum);
        }
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            out.put("whole process", os.getProcessCpuTime() / 1e9);
        }
        return out;
    }

    /** The CPU each group used between two {@link #threadCpu} readings (threads that ended in between are not counted). */
    private static String cpuReport(java.util.Map<String, Double> before, java.util.Map<String, Double> after) {
        StringBuilder b = new StringBuilder();
        for (var e : after.entrySet()) {
            b.append(String.format(Locale.ROOT, "%s %.1f s; ", e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)));
        }
        b.append("(libtorch's intra-op worker threads are native and not listed by name: they are in the whole process's figure)");
        return b.toString();
    }

    /** The q-quantile of sorted nanosecond gaps, in ms (NaN when none). */
    private static double percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) return Double.NaN;
        return sorted.get((int) Math.max(0, Math.min(sorted.size() - 1, Math.ceil(sorted.size() * q) - 1))) / 1e6;
    }

    private static long over(List<Long> sorted, double ms) {
        return sorted.stream().filter(g -> g / 1e6 > ms).count();
    }

    private static void headless(ExperimentConfig cfg, List<Double> out) throws Exception {
        new ExperimentRunner(cfg.withName("headless")).optListener(e -> {
            if (e instanceof TrainingEvent.EpochCompleted ep) out.add(ep.clipsPerSecond());
        }).run();
    }

    private static void snap(Scene scene, Path file) throws Exception {
        var img = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
    }
}
