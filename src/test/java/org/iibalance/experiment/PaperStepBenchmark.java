package org.iibalance.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Optimizer;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.Clip;
import org.iibalance.data.ModalitySpec;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.media.LogMelSpectrogram;
import org.iibalance.media.MediaRecipe;
import org.iibalance.method.MethodContext;
import org.iibalance.method.MethodProgress;
import org.iibalance.method.Methods;
import org.iibalance.method.TrainingMethod;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Devices;
import org.iibalance.nn.Engine;
import org.iibalance.nn.NativeScope;
import org.iibalance.nn.Optimizers;

/**
 * Time per training step of a paper configuration at its full input size (not a test: prints figures).
 * The configuration's encoders, frames (16 fps x audio.seconds at 224 px) and log-Mel shape, on
 * random inputs (the cost of a step does not depend on the values), with joint training's step (the
 * fused loss and both heads: IIBalance's stage-2 step adds its small gating network, and its budget
 * phase trains the unimodal models first). Batch {@code B} clips per step (the paper: 32; a CPU takes
 * minutes per clip at this size, so pass a smaller B and scale: a step's cost is linear in the batch).
 * Extra {@code key=value} overrides follow, e.g. {@code dataset.visual.framesPerClip=8}: the frames of a
 * clip go through the visual encoder as a batch of images, so the cost is a + b x frames per clip, and
 * two frame counts give a and b without holding a full clip's activations (a 160-frame ResNet-18
 * step needs more memory than this machine can spare).
 *
 * <p>Usage (from the project root): {@code bench/paper-step-benchmark.sh CONFIG.yaml [B=1] [steps=2] [threads=2] [classes=31] [key=value...]}.
 */
public final class PaperStepBenchmark {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int classes = args.length > 4 ? Integer.parseInt(args[4]) : 31;
        List<String> o = new ArrayList<>(List.of("method.name=joint", "method.unimodalPretraining=none", "threads=" + threads, "training.batchSize=" + batch));
        for (int i = 5; i < args.length; i++) o.add(args[i]);
        ExperimentConfig cfg = ConfigIO.load(file, o);
        Engine.threads(threads);
        Engine.seed(cfg.seed());
        MediaRecipe r = MediaRecipe.of(cfg.dataset());
        int melFrames = new LogMelSpectrogram(r.audio().sampleRate(), r.audio().windowMs(), r.audio().hopMs(), r.audio().melBins()).frames(r.samples());
        int size = r.visual().size(), frames = r.visual().framesSeen(r.audio().seconds());
        List<ModalitySpec> mods = List.of(new ModalitySpec("audio", ModalitySpec.Kind.SPECTROGRAM, new long[] {1, r.audio().melBins(), melFrames}),
                new ModalitySpec("visual", ModalitySpec.Kind.FRAMES, new long[] {frames, 3, size, size}));
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) names.add("c" + c);
        List<Clip> clips = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < batch; i++) {
            float[] a = new float[mods.get(0).size()], v = new float[mods.get(1).size()];
            for (int k = 0; k < a.length; k++) a[k] = (float) rnd.nextGaussian();
            for (int k = 0; k < v.length; k++) v[k] = (float) rnd.nextGaussian();
            clips.add(new Clip("c" + i, i % classes, List.of(a, v), Map.of()));
        }
        MultimodalDataset data = new MultimodalDataset("random", names, mods, clips, clips, clips, List.of());
        Device device = Devices.of("cpu");
        TrainingMethod method = Methods.create(cfg.method());
        MultimodalNetwork net = new MultimodalNetwork(mods, classes, cfg.model(), method.fusion());
        Optimizer opt = Optimizers.create(net.trainable(), cfg.training().optimizer(), cfg.training().lr(), cfg.training().weightDecay());
        Batcher batcher = new Batcher(data, device, batch, cfg.seed());
        method.prepare(new MethodContext(cfg, net, device, batcher, MethodProgress.NONE));
        net.train(true);
        System.out.printf(Locale.ROOT, "PaperStepBenchmark %s: audio %s + visual %s, %d parameters; batch %d of audio [1, %d, %d] + frames [%d, 3, %d, %d]; %d thread(s)%n",
                file.getFileName(), cfg.model().audio().encoder(), cfg.model().visual().encoder(), net.parameterCount(), batch, r.audio().melBins(), melFrames, frames, size, size, threads);
        List<Double> secs = new ArrayList<>();
        for (int s = 0; s <= steps; s++) { // the first step warms up
            try (NativeScope scope = new NativeScope()) {
                var b = batcher.batch(clips);
                long t0 = System.nanoTime();
                method.trainStep(b, opt, 0, cfg.training().epochs());
                double d = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "  step %d: %.1f s%s%n", s, d, s == 0 ? " (warm-up)" : "");
                if (s > 0) secs.add(d);
            }
        }
        Collections.sort(secs);
        double med = secs.get(secs.size() / 2), perClip = med / batch;
        System.out.printf(Locale.ROOT, "median %.1f s per step of %d clip(s) = %.2f s per clip; batch 32: %.0f s per step (scaled linearly)%n", med, batch, perClip, 32 * perClip);
    }
}
