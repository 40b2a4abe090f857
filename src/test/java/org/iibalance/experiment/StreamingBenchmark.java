package org.iibalance.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.Datasets;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.media.MediaFixtures;

/**
 * Memory and data wait of the streaming pipeline (not a test: prints figures). Writes N clips of 1 s
 * at 224 x 224 and 16 fps (two classes, H.264 + AAC) once, loads them at the paper's recipe (16 fps,
 * 224 px, 16 kHz log-Mel 25/10 ms) with the cache on (streamed) or off (in memory), prints the heap
 * after a GC and the resident memory, then (optionally) trains joint training for one epoch and prints
 * the training thread's data-wait share.
 *
 * <p>Usage: {@code StreamingBenchmark DIR CLIPS cache|memory [train]}
 */
public final class StreamingBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        boolean cache = args[2].equals("cache");
        boolean train = args.length > 3 && args[3].equals("train");
        Path root = dir.resolve("clips-" + n);
        if (!Files.isDirectory(root)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String c = i % 2 == 0 ? "low" : "high";
                Path f = root.resolve(c).resolve(c + "_s" + (i % 7) + "_" + i + ".mp4");
                Files.createDirectories(f.getParent());
                MediaFixtures.write(f, MediaFixtures.Spec.small().size(224, 224).fps(16).seconds(1).green(c.equals("low") ? 60 : 190));
            }
            System.out.printf(Locale.ROOT, "wrote %d clips in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        }
        List<String> o = new ArrayList<>(List.of("dataset.kind=clips", "dataset.root=" + root, "dataset.cacheDir=" + dir.resolve("cache"),
                "dataset.media.cache=" + cache, "dataset.media.split=stratified", "dataset.visual.fps=16", "dataset.visual.size=224",
                "dataset.audio.seconds=1", "dataset.audio.melBins=64", "dataset.visual.framesPerClip=3", "method.name=joint", "training.epochs=1",
                "training.batchSize=16", "output.runsDir=" + dir.resolve("runs"), "name=streaming-bench"));
        ExperimentConfig cfg = ConfigIO.withOverrides(ExperimentConfig.defaults(), o);
        long t0 = System.nanoTime();
        MultimodalDataset d = Datasets.load(cfg, s -> {});
        double loadSec = (System.nanoTime() - t0) / 1e9;
        System.gc();
        Thread.sleep(200);
        Runtime rt = Runtime.getRuntime();
        double heap = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        System.out.printf(Locale.ROOT, "%d clips, %s: loaded in %.1f s; heap after GC %.0f MiB; RSS %.0f MiB (peak %.0f)%n", n, cache ? "streamed from the cache" : "in memory",
                loadSec, heap, ProcessMemory.rssMiB(), ProcessMemory.peakRssMiB());
        if (d.train().isEmpty() || !train) return;
        List<String> lines = new ArrayList<>();
        RunOutcome r = new ExperimentRunner(cfg).optListener(e -> {
            if (e instanceof TrainingEvent.PhaseChanged p) lines.add(p.description());
        }).run();
        for (String l : lines) if (l.startsWith("data wait")) System.out.println(l);
        System.out.printf(Locale.ROOT, "run %s; peak RSS %.0f MiB%n", r.state(), ProcessMemory.peakRssMiB());
    }
}
