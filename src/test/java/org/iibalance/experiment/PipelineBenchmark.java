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
import org.iibalance.data.Datasets;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.media.ClipDecoder;

/**
 * The data pipeline at the paper's recipe on real mp4 clips (not a test: prints figures). Makes N clips
 * at 224 x 224 from the shared avmnist-clips (each real clip re-encoded once at 224 px by FFmpeg,
 * H.264 + AAC, into DIR, never into the repository; beyond 340 clips the files are copies under other
 * names, so each one is decoded and cached on its own), loads them through the clip-folder loader with
 * the feature cache on (frames at 16 fps, 224 px, 8-bit; log-Mel 16 kHz 25/10 ms), trains joint
 * training for one epoch at batch 32 (the paper's) with {@code threads} training threads, and prints
 * the training thread's data wait as a share of the training passes ({@code dataWaitFraction}), the
 * mean training step and the peak resident memory of this process.
 *
 * <p>Usage (from the project root): {@code bench/pipeline-benchmark.sh CLIPS [framesPerClip=0] [epochs=1] [threads=1] [DIR=/tmp/iibalance-pipeline]}.
 */
public final class PipelineBenchmark {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int framesPerClip = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Path dir = Path.of(args.length > 4 ? args[4] : "/tmp/iibalance-pipeline");
        Path shared = Path.of(System.getProperty("iibalance.sharedData", "../shared/data")).resolve("avmnist-clips");
        if (!Files.isDirectory(shared)) throw new IllegalStateException("avmnist-clips not found at " + shared.toAbsolutePath() + " (set -Diibalance.sharedData)");
        Path root = clips(shared, dir, n);
        List<String> o = new ArrayList<>(List.of("dataset.kind=clips", "dataset.root=" + root, "dataset.cacheDir=" + dir.resolve("cache"),
                "dataset.media.cache=true", "dataset.visual.fps=16", "dataset.visual.size=224", "dataset.visual.framesPerClip=" + framesPerClip,
                "dataset.audio.seconds=1", "dataset.audio.melBins=64", "method.name=joint", "method.unimodalPretraining=none",
                "training.epochs=" + epochs, "training.batchSize=32", "threads=" + threads,
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
        List<String> lines = new ArrayList<>();
        double[] rss = new double[1];
        long t1 = System.nanoTime();
        RunOutcome r = new ExperimentRunner(cfg).optListener(e -> {
            if (e instanceof TrainingEvent.PhaseChanged p) lines.add(p.description());
            rss[0] = Math.max(rss[0], ProcessMemory.rssMiB());
        }).run();
        double runSec = (System.nanoTime() - t1) / 1e9;
        String wait = lines.stream().filter(l -> l.startsWith("data wait")).findFirst().orElse("data wait: not reported");
        int steps = epochs * ((d.train().size() + 31) / 32);
        double trainSec = r.results() == null ? Double.NaN : r.results().trainSeconds();
        System.out.println(wait);
        System.out.printf(Locale.ROOT, "run %s in %.0f s; training %.1f s for %d steps: %.2f s per step (with validation)%n", r.state(), runSec, trainSec, steps, trainSec / steps);
        System.out.printf(Locale.ROOT, "peakRssMiB %.0f (clips %d)%n", ProcessMemory.peakRssMiB(), n);
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
