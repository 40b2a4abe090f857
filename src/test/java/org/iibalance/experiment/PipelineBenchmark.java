package org.iibalance.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Optimizer;
import org.iibalance.data.BatchLoader;
import org.iibalance.data.Datasets;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.media.ClipDecoder;
import org.iibalance.method.MethodContext;
import org.iibalance.method.MethodProgress;
import org.iibalance.method.Methods;
import org.iibalance.method.TrainingMethod;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Devices;
import org.iibalance.nn.Engine;
import org.iibalance.nn.Optimizers;

/**
 * The data pipeline at the paper's recipe on real mp4 clips (not a test: prints figures). Makes N clips
 * at 224 x 224 from the shared avmnist-clips (each real clip re-encoded once at 224 px by FFmpeg,
 * H.264 + AAC, into DIR, never into the repository; beyond 340 clips the files are copies under other
 * names, so each one is decoded and cached on its own), loads them through the clip-folder loader with
 * the feature cache on (frames at 16 fps, 224 px, 8-bit; log-Mel 16 kHz 25/10 ms), then runs joint
 * training's step (default encoders) on the training clips in the order of epoch 0 at batch 32 (the
 * paper's) with {@code threads} training threads, through the run's {@link Batcher} (its loader
 * workers read and assemble the next batches meanwhile), for {@code steps} steps (0: the whole
 * epoch), and prints the training thread's wait for data as a share of that pass
 * ({@code dataWaitFraction}, the first batch's wait included), the mean step and the peak resident
 * memory of this process.
 *
 * <p>Usage (from the project root): {@code bench/pipeline-benchmark.sh CLIPS [framesPerClip=0] [steps=0] [threads=1] [DIR=/tmp/iibalance-pipeline]}.
 */
public final class PipelineBenchmark {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int framesPerClip = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Path dir = Path.of(args.length > 4 ? args[4] : "/tmp/iibalance-pipeline");
        Path shared = Path.of(System.getProperty("iibalance.sharedData", "../shared/data")).resolve("avmnist-clips");
        if (!Files.isDirectory(shared)) throw new IllegalStateException("avmnist-clips not found at " + shared.toAbsolutePath() + " (set -Diibalance.sharedData)");
        Path root = clips(shared, dir, n);
        List<String> o = new ArrayList<>(List.of("dataset.kind=clips", "dataset.root=" + root, "dataset.cacheDir=" + dir.resolve("cache"),
                "dataset.media.cache=true", "dataset.visual.fps=16", "dataset.visual.size=224", "dataset.visual.framesPerClip=" + framesPerClip,
                "dataset.audio.seconds=1", "dataset.audio.melBins=64", "method.name=joint", "method.unimodalPretraining=none",
                "training.epochs=1", "training.batchSize=32", "threads=" + threads,
                "output.runsDir=" + dir.resolve("runs"), "name=pipeline-" + n));
        ExperimentConfig cfg = ConfigIO.withOverrides(ExperimentConfig.defaults(), o);
        long t0 = System.nanoTime();
        MultimodalDataset d = Datasets.load(cfg, s -> {});
        double loadSec = (System.nanoTime() - t0) / 1e9;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "PipelineBenchmark: %d clips (%d train, %d val, %d test) at 16 fps, 224 px, framesPerClip %d, %d training thread(s), %d cores%n",
                n, d.train().size(), d.val().size(), d.test().size(), framesPerClip, threads, rt.availableProcessors());
        System.out.printf(Locale.ROOT, "loaded in %.1f s; heap after GC %.0f MiB; RSS %.0f MiB%n", loadSec,
                (rt.totalMemory() - rt.freeMemory()) / 1048576.0, ProcessMemory.rssMiB());
        Engine.threads(threads);
        Engine.seed(cfg.seed());
        Device device = Devices.of("cpu");
        TrainingMethod method = Methods.create(cfg.method());
        Batcher batcher = new Batcher(d, device, 32, cfg.seed(), framesPerClip, cfg.dataset().visual().augment());
        MultimodalNetwork net = new MultimodalNetwork(batcher.seenModalities(), d.classes(), cfg.model(), method.fusion());
        Optimizer opt = Optimizers.create(net.trainable(), cfg.training().optimizer(), cfg.training().lr(), cfg.training().weightDecay());
        method.prepare(new MethodContext(cfg, net, device, batcher, MethodProgress.NONE));
        net.train(true);
        List<Double> stepSec = new ArrayList<>();
        int cap = steps > 0 ? steps : batcher.trainBatches();
        try {
            batcher.train(0, b -> {
                long s0 = System.nanoTime();
                method.trainStep(b, opt, 0, 1);
                stepSec.add((System.nanoTime() - s0) / 1e9);
                if (stepSec.size() >= cap) throw new Enough();
            });
        } catch (Enough e) {
            // the pass stops after the steps asked for; its time accounting is kept
        }
        BatchLoader.PassStats p = batcher.lastPass();
        double mean = stepSec.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "training pass: %d steps of batch 32 in %.1f s, %.2f s per step; waited for data %.2f s%n", stepSec.size(), p.totalSeconds(), mean, p.waitSeconds());
        System.out.printf(Locale.ROOT, "dataWaitFraction %.4f (clips %d)%n", p.waitFraction(), n);
        System.out.printf(Locale.ROOT, "peakRssMiB %.0f (clips %d)%n", ProcessMemory.peakRssMiB(), n);
    }

    /** Stops the training pass after the steps asked for. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /** DIR/clips-N: N real clips at 224 x 224, laid out like avmnist-clips (train/ and test/ by digit). */
    static Path clips(Path shared, Path dir, int n) throws Exception {
        Path encoded = dir.resolve("avmnist-224");
        List<Path> sources;
        try (Stream<Path> s = Files.walk(shared)) {
            sources = s.filter(p -> p.toString().endsWith(".mp4")).sorted().toList();
        }
        ClipDecoder.silenceFfmpeg();
        long t0 = System.nanoTime();
        int made = 0;
        for (Path src : sources) {
            Path out = encoded.resolve(shared.relativize(src));
            if (Files.exists(out)) continue;
            Files.createDirectories(out.getParent());
            upscale(src, out);
            made++;
        }
        if (made > 0) System.out.printf(Locale.ROOT, "re-encoded %d avmnist clips at 224 px in %.1f s%n", made, (System.nanoTime() - t0) / 1e9);
        Path root = dir.resolve("clips-" + n);
        for (int i = 0; i < n; i++) {
            Path src = encoded.resolve(shared.relativize(sources.get(i % sources.size())));
            String stem = src.getFileName().toString().replace(".mp4", "");
            Path out = root.resolve(encoded.relativize(src)).resolveSibling(stem + "_r" + i / sources.size() + ".mp4");
            if (Files.exists(out)) continue;
            Files.createDirectories(out.getParent());
            Files.copy(src, out);
        }
        return root;
    }

    private static void upscale(Path src, Path out) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(src.toFile())) {
            g.setImageWidth(224);
            g.setImageHeight(224);
            g.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            g.start();
            try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), 224, 224, 1)) {
                r.setFormat("mp4");
                r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                r.setFrameRate(g.getFrameRate());
                r.setVideoBitrate(600_000);
                r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                r.setSampleRate(g.getSampleRate());
                r.setAudioChannels(1);
                r.start();
                Frame f;
                while ((f = g.grabFrame()) != null) r.record(f);
            }
        }
    }
}
