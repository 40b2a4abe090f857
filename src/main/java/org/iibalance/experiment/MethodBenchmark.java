package org.iibalance.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Optimizer;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.Datasets;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.method.MethodContext;
import org.iibalance.method.MethodProgress;
import org.iibalance.method.Methods;
import org.iibalance.method.TrainingMethod;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Devices;
import org.iibalance.nn.Engine;
import org.iibalance.nn.Optimizers;

/**
 * Milliseconds per training step of every method relative to joint training, same data, model and
 * batch size. Each measurement trains a fresh model for {@code epochs} epochs and divides the wall time
 * by the number of steps, so work done once per epoch or super-epoch (G-Blending's loss passes,
 * MSLR's validation pass, PMR's prototypes) is included, amortised. {@code prepare} (IIBalance's
 * budget phase) is timed separately. The main figure is the training thread's CPU time (with
 * {@code threads=1} libtorch computes on the calling thread), which a busy shared machine disturbs
 * far less than wall time; wall time is printed beside it. Methods are measured round-robin, {@code rounds} times, and the
 * median is reported, which damps the noise of a shared machine.
 *
 * <pre>java -cp target/app/iibalance.jar org.iibalance.experiment.MethodBenchmark [rounds] [key=value ...]</pre>
 */
public final class MethodBenchmark {
    private MethodBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> ov = new ArrayList<>(List.of("threads=1", "dataset.synthetic.trainClips=320", "dataset.synthetic.valClips=80",
                "dataset.synthetic.testClips=80", "training.epochs=2", "method.budgetMaxEpochs=1"));
        ov.addAll(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        ExperimentConfig base = ConfigIO.withOverrides(ExperimentConfig.defaults(), ov);
        Engine.threads(base.threads());
        Device device = Devices.of(Devices.resolve(base.device()));
        MultimodalDataset data = Datasets.load(base, s -> {});
        List<String> methods = List.of("joint", "mslr", "g-blending", "ogm-ge", "greedy", "pmr", "agm", "mmpareto", "ggdm", "iibalance");
        Map<String, List<Double>> perStep = new LinkedHashMap<>();
        Map<String, List<Double>> prepare = new LinkedHashMap<>();
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (String m : methods) {
                double[] t = measure(ConfigIO.withOverrides(base, List.of("method.name=" + m)), data, device);
                perStep.computeIfAbsent(m, k -> new ArrayList<>()).add(t[0]);
                prepare.computeIfAbsent(m, k -> new ArrayList<>()).add(t[1]);
                wall.computeIfAbsent(m, k -> new ArrayList<>()).add(t[2]);
            }
        }
        double joint = median(perStep.get("joint"));
        System.out.printf(Locale.ROOT, "synthetic-av, %d train clips, batch %d, model channels %d / featureDim %d, %d epochs per measurement, "
                + "median of %d rounds, %d thread(s)%n", data.train().size(), base.training().batchSize(), base.model().channels(), base.model().featureDim(),
                base.training().epochs(), rounds, base.threads());
        double jointWall = median(wall.get("joint"));
        System.out.println("| method | CPU ms / step | relative to joint | wall ms / step | relative (wall) | prepare (s, wall) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (String m : methods) {
            double ms = median(perStep.get(m));
            double w = median(wall.get(m));
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.2fx | %.1f | %.2fx | %.1f |%n", m, ms, ms / joint, w, w / jointWall, median(prepare.get(m)));
        }
    }

    /** {ms per step (amortised over the epochs), seconds of prepare}. */
    static double[] measure(ExperimentConfig cfg, MultimodalDataset data, Device device) throws Exception {
        TrainingMethod method = Methods.create(cfg.method());
        Engine.seed(cfg.seed());
        MultimodalNetwork net = new MultimodalNetwork(data.modalities(), data.classes(), cfg.model(), method.fusion());
        Optimizer opt = Optimizers.create(net.trainable(), cfg.training().optimizer(), cfg.training().lr(), cfg.training().weightDecay());
        Batcher batcher = new Batcher(data, device, cfg.training().batchSize(), cfg.seed());
        long p0 = System.nanoTime();
        method.prepare(new MethodContext(cfg, net, device, batcher, MethodProgress.NONE));
        double prep = (System.nanoTime() - p0) / 1e9;
        int epochs = cfg.training().epochs();
        int[] steps = {0};
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            net.train(true);
            final int ep = e;
            batcher.train(e, b -> {
                method.trainStep(b, opt, ep, epochs);
                steps[0]++;
            });
        }
        double wall = (System.nanoTime() - t0) / 1e6 / Math.max(1, steps[0]);
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / Math.max(1, steps[0]);
        return new double[] {cpu, prep, wall};
    }

    static double median(List<Double> xs) {
        double[] v = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
