package org.iibalance.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.iibalance.config.DatasetConfig;

/**
 * Prints clips/s through decode + preprocess (JavaCV, log-Mel, frames kept 8-bit), cold and from the
 * feature cache, beside the {@code ffmpeg} command-line tool decoding the same files in the same run
 * (video through {@code fps=16,scale=S:S} to raw RGB and audio to 16 kHz mono f32le, both to
 * /dev/null, one process per file). Inputs: the real avmnist-clips, and a few 10 s 224x224 clips
 * generated here with the ffmpeg tool (testsrc2 + a tone, H.264 + AAC). Every path uses the same
 * number of threads / concurrent processes. Not a test: it only prints figures.
 *
 * <p>Run from the project root: {@code bench/decode-benchmark.sh [sharedDataDir] [longClips] [threads]}.
 */
public final class DecodeBenchmark {
    private DecodeBenchmark() {}

    /** Entry point: {@code [sharedDataDir=../shared/data] [longClips=4] [threads=2]}. */
    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int nLong = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path work = Files.createTempDirectory("iibalance-bench");
        try {
            System.out.printf("DecodeBenchmark: %d thread(s), %d cores, ffmpeg at %s%n", threads, Runtime.getRuntime().availableProcessors(), which());
            long t = System.nanoTime();
            ClipDecoder.silenceFfmpeg();
            System.out.printf("natives loaded in %.2f s%n", (System.nanoTime() - t) / 1e9);
            Path clips = shared.resolve("avmnist-clips");
            if (Files.isDirectory(clips)) {
                List<Path> files = videos(clips);
                run("avmnist-clips, clips.yaml recipe (3 frames 28 px, 0.5 s audio)", files, recipe(0.5, 3, 0, 28), 112, 16, threads, work);
                run("avmnist-clips, paper recipe (16 fps 224 px, 1 s audio)", files, recipe(1.0, 1, 16, 224), 224, 16, threads, work);
            } else {
                System.out.println("avmnist-clips not found at " + clips + ": skipped (pass the shared data folder as the first argument)");
            }
            List<Path> longClips = new ArrayList<>();
            t = System.nanoTime();
            for (int i = 0; i < nLong; i++) longClips.add(generate(work.resolve("long" + i + ".mp4"), 440 + 110 * i));
            System.out.printf("generated %d 10 s 224x224 clips with the ffmpeg tool in %.1f s%n", nLong, (System.nanoTime() - t) / 1e9);
            run("10 s 224x224 clips, CPU recipe (3 frames 112 px, 10 s audio)", longClips, recipe(10, 3, 0, 112), 112, 16, threads, work);
            run("10 s 224x224 clips, paper recipe (16 fps 224 px, 10 s audio)", longClips, recipe(10, 1, 16, 224), 224, 16, threads, work);
        } finally {
            delete(work);
        }
    }

    private static MediaRecipe recipe(double seconds, int frames, double fps, int size) {
        return new MediaRecipe(new DatasetConfig.AudioConfig(16000, seconds, 25, 10, 64), new DatasetConfig.VisualConfig(frames, fps, size, 0, DatasetConfig.AugmentConfig.defaults()), "tile");
    }

    private static void run(String title, List<Path> files, MediaRecipe r, int ffSize, int ffFps, int threads, Path work) throws Exception {
        Path cacheDir = work.resolve("cache-" + Integer.toHexString(title.hashCode()));
        FeatureCache cache = new FeatureCache(cacheDir);
        FeatureExtractor fx = new FeatureExtractor(r, cache);
        System.out.println();
        System.out.println("== " + title + ": " + files.size() + " files");
        double cold = timed(files, threads, f -> fx.extract(f, null, 0, 0));
        double warm = timed(files, threads, f -> fx.extract(f, null, 0, 0));
        long bytes = size(cacheDir);
        double ff = timed(files, threads, f -> ffmpeg(f, ffSize, ffFps));
        System.out.printf("  JavaCV decode+preprocess, cold : %8.1f clips/s (%.2f s)%n", files.size() / cold, cold);
        System.out.printf("  from the feature cache         : %8.1f clips/s (%.2f s); cache %.1f MB%n", files.size() / warm, warm, bytes / 1e6);
        System.out.printf("  ffmpeg CLI decode only         : %8.1f clips/s (%.2f s)  [-vf fps=%d,scale=%d:%d rgb24 + 16 kHz mono f32le]%n",
                files.size() / ff, ff, ffFps, ffSize, ffSize);
        if (cache.misses() + cache.broken() != 2L * files.size() || cache.hits() != 2L * files.size()) {
            System.out.println("  (cache: " + cache.hits() + " hits, " + cache.misses() + " misses, " + cache.broken() + " broken)");
        }
    }

    private interface Job {
        void run(Path f) throws Exception;
    }

    private static double timed(List<Path> files, int threads, Job job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t = System.nanoTime();
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Path f : files) fs.add(pool.submit(() -> {
                job.run(f);
                return null;
            }));
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private static void ffmpeg(Path f, int size, int fps) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-i", f.toString(),
                "-map", "0:v:0", "-vf", "fps=" + fps + ",scale=" + size + ":" + size, "-f", "rawvideo", "-pix_fmt", "rgb24", "-y", "/dev/null",
                "-map", "0:a:0", "-ac", "1", "-ar", "16000", "-f", "f32le", "-y", "/dev/null")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) throw new IOException("ffmpeg failed on " + f);
    }

    private static Path generate(Path out, int hz) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=224x224:rate=25:duration=10",
                "-f", "lavfi", "-i", "sine=frequency=" + hz + ":sample_rate=44100:duration=10",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) throw new IOException("ffmpeg could not generate " + out);
        return out;
    }

    private static List<Path> videos(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".mp4")).sorted().toList();
        }
    }

    private static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String which() {
        return Files.isExecutable(Path.of("/usr/bin/ffmpeg")) ? "/usr/bin/ffmpeg" : "PATH";
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
