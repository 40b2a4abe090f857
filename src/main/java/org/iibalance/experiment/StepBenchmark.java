package org.iibalance.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Optimizer;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.DatasetException;
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
 * Times the training step of a configuration's method on its model (median milliseconds per step,
 * batch creation excluded), after a short budget phase. A benchmark, never a test.
 */
public final class StepBenchmark {
    private StepBenchmark() {}

    /** Per-step timings. */
    public record Timing(String method, double medianMs, double p90Ms, double clipsPerSecond, int batch, long parameters) {}

    public static Timing time(ExperimentConfig base, int warmup, int steps) throws ConfigException, DatasetException, InterruptedException {
        ExperimentConfig cfg = ConfigIO.withOverrides(base, List.of("method.budgetMaxEpochs=1", "method.budgetMinEpochs=1"));
        ExperimentRunner.validate(cfg);
        Engine.threads(cfg.threads());
        Device device = Devices.of(Devices.resolve(cfg.device()));
        MultimodalDataset data = Datasets.load(cfg, s -> {});
        TrainingMethod method = Methods.create(cfg.method());
        Engine.seed(cfg.seed());
        MultimodalNetwork net = new MultimodalNetwork(data.modalities(), data.classes(), cfg.model(), method.fusion());
        if (!device.is_cpu()) net.to(device, false);
        Optimizer opt = Optimizers.create(net.trainable(), cfg.training().optimizer(), cfg.training().lr(), cfg.training().weightDecay());
        Batcher batcher = new Batcher(data, device, cfg.training().batchSize(), cfg.seed());
        method.prepare(new MethodContext(cfg, net, device, batcher, MethodProgress.NONE));
        net.train(true);
        List<Double> ms = new ArrayList<>();
        int[] done = {0};
        int total = warmup + steps;
        for (int epoch = 0; done[0] < total; epoch++) {
            batcher.train(epoch, b -> {
                if (done[0] >= total || b.size() < cfg.training().batchSize()) return;
                long t0 = System.nanoTime();
                method.trainStep(b, opt, 0, cfg.training().epochs());
                double d = (System.nanoTime() - t0) / 1e6;
                if (done[0] >= warmup) ms.add(d);
                done[0]++;
            });
        }
        Collections.sort(ms);
        double med = ms.get(ms.size() / 2), p90 = ms.get((int) Math.min(ms.size() - 1, Math.round(ms.size() * 0.9)));
        return new Timing(method.name(), med, p90, cfg.training().batchSize() * 1000.0 / med, cfg.training().batchSize(), net.parameterCount());
    }
}
