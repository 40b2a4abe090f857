package org.iibalance.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.iibalance.config.DatasetConfig;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.media.FeatureCache;
import org.iibalance.media.FeatureExtractor;
import org.iibalance.media.MediaException;
import org.iibalance.media.MediaRecipe;

/**
 * The part shared by the media loaders: decodes the clips found by a loader (in parallel, on a small
 * fixed pool, through the feature cache), skips the ones that fail with their reasons, refuses a
 * dataset with too few usable clips, and standardises the result with training statistics. With the
 * feature cache on (the default), clips keep no arrays: they are read back from the cache on use
 * ({@link StreamedInputs}), so memory does not grow with the number of clips.
 */
public final class AvClipLoader {
    private static final ThreadLocal<LoadReport> LAST = new ThreadLocal<>();

    private AvClipLoader() {}

    /** The report of the last media dataset loaded on this thread, or null. */
    public static LoadReport lastReport() {
        return LAST.get();
    }

    /** Forgets the last report of this thread (so a later non-media load shows none). */
    static void clearReport() {
        LAST.remove();
    }

    /** The cache folder: {@code dataset.cacheDir}, or {@code ~/.cache/iibalance} when it is empty. */
    public static Path cacheDir(DatasetConfig d) {
        return d.cacheDir() == null || d.cacheDir().isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "iibalance")
                : Path.of(d.cacheDir());
    }

    /** The decoding threads: {@code media.threads}, or one per core up to 4. */
    static int threads(DatasetConfig d) {
        int t = d.media().threads();
        return t > 0 ? t : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** {@code dataset.root} as an existing folder, or a clear exception. */
    public static Path root(ExperimentConfig cfg, String kind) throws DatasetException {
        String r = cfg.dataset().root();
        if (r == null || r.isBlank()) throw new DatasetException(kind + ": dataset.root is empty; set it to the folder of the data");
        Path p = Path.of(r).toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(p)) throw new DatasetException(kind + ": dataset.root " + p + " is not a folder");
        return p;
    }

    /**
     * Decodes {@code sources} (each already assigned to a split) into a standardised dataset.
     *
     * @param name       dataset name
     * @param cfg        the configuration (audio, visual, media, cache, seed)
     * @param classNames class names, index = label
     * @param sources    the clips found on disk
     * @param skipped    files already skipped while listing (more are added here)
     * @param notes      notes and warnings for the report (more are added here)
     * @param progress   progress lines
     * @throws DatasetException when no clip (or fewer than {@code media.minClips}) can be used
     */
    public static MultimodalDataset build(String name, ExperimentConfig cfg, List<String> classNames, List<ClipSource> sources,
                                          List<SkippedFile> skipped, List<String> notes, Consumer<String> progress) throws DatasetException {
        DatasetConfig d = cfg.dataset();
        MediaRecipe recipe = MediaRecipe.of(d);
        FeatureCache cache = d.media().cache() ? new FeatureCache(cacheDir(d)) : null;
        FeatureExtractor fx = new FeatureExtractor(recipe, cache);
        List<SkippedFile> skip = new ArrayList<>(skipped);
        for (String n : notes) progress.accept(n);
        int n = sources.size();
        int threads = Math.min(threads(d), Math.max(1, n));
        progress.accept(name + ": " + n + " clips to prepare with " + threads + " thread(s); cache "
                + (cache == null ? "off" : cache.dir()));
        long t0 = System.nanoTime();
        AtomicInteger done = new AtomicInteger(), built = new AtomicInteger(), aHit = new AtomicInteger(), vHit = new AtomicInteger();
        int every = Math.max(1, n / 10);
        Consumer<String> say = line -> {
            synchronized (progress) {
                progress.accept(line);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(org.iibalance.run.RunLogRoute.propagate(r), "iibalance-decode"); // its log lines go to the run's run.log
            t.setDaemon(true);
            return t;
        });
        List<Future<Object>> futures = new ArrayList<>(n);
        try {
            for (ClipSource s : sources) {
                futures.add(pool.submit(() -> {
                    Object result;
                    try {
                        FeatureExtractor.Features f = fx.extract(s.video(), s.audio(), s.start(), s.end());
                        if (f.audioCached()) aHit.incrementAndGet();
                        if (f.visualCached()) vHit.incrementAndGet();
                        if (!f.audioCached() || !f.visualCached()) built.incrementAndGet();
                        // with a cache the arrays are read back on use (StreamedInputs): keep none of them here
                        result = fx.caches() ? new FeatureExtractor.Features(null, null, f.audioCached(), f.visualCached()) : f;
                    } catch (MediaException e) {
                        result = new SkippedFile(s.video().toString(), e.getMessage());
                    } catch (RuntimeException | LinkageError e) {
                        result = new SkippedFile(s.video().toString(), "unexpected error: " + e);
                    }
                    int k = done.incrementAndGet();
                    if (k % every == 0 || k == n) {
                        double sec = (System.nanoTime() - t0) / 1e9;
                        say.accept(String.format("  prepared %d/%d clips (%.1f clips/s, %d decoded, %d from cache)",
                                k, n, k / Math.max(1e-9, sec), built.get(), k - built.get()));
                    }
                    return result;
                }));
            }
            List<Clip> train = new ArrayList<>(), val = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ClipSource s = sources.get(i);
                Object r;
                try {
                    r = futures.get(i).get();
                } catch (Exception e) {
                    r = new SkippedFile(s.video().toString(), "unexpected error: " + e);
                }
                if (r instanceof SkippedFile sf) {
                    skip.add(sf);
                    continue;
                }
                FeatureExtractor.Features f = (FeatureExtractor.Features) r;
                Map<String, String> meta = new LinkedHashMap<>(s.meta());
                meta.put("file", s.video().toAbsolutePath().toString());
                if (s.audio() != null) meta.put("audioFile", s.audio().toAbsolutePath().toString());
                meta.put("split", s.split());
                if (!s.group().isEmpty()) meta.putIfAbsent("group", s.group());
                EventWindow window = s.end() > 0 ? new EventWindow(s.start(), s.end()) : null;
                if (window != null) meta.put("window", window.toString()); // shown by the inspector; the decoder reads window()
                List<float[]> inputs = fx.caches() ? new StreamedInputs(fx, s) : List.of(f.audio(), f.visual());
                Clip c = new Clip(s.id(), s.label(), inputs, meta, window);
                switch (s.split()) {
                    case "train" -> train.add(c);
                    case "val" -> val.add(c);
                    default -> test.add(c);
                }
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            LoadReport rep = new LoadReport(cache == null ? "" : cache.dir().toString(), n, aHit.get(), vHit.get(), built.get(),
                    cache == null ? 0 : cache.broken(), sec, List.copyOf(notes));
            LAST.set(rep);
            int usable = train.size() + val.size() + test.size();
            if (!skip.isEmpty()) progress.accept(name + ": skipped " + skip.size() + " file(s); first: " + skip.get(0));
            if (usable == 0) {
                throw new DatasetException(name + ": no usable clip in " + cfg.dataset().root() + " (" + skip.size() + " file(s) skipped"
                        + (skip.isEmpty() ? ", none found" : "; first: " + skip.get(0)) + ")");
            }
            if (usable < d.media().minClips()) {
                throw new DatasetException(name + ": only " + usable + " usable clip(s), fewer than dataset.media.minClips = " + d.media().minClips()
                        + " (" + skip.size() + " skipped)");
            }
            if (train.isEmpty()) throw new DatasetException(name + ": no usable training clip (" + usable + " clips in val/test)");
            List<ModalitySpec> mods = List.of(
                    new ModalitySpec("audio", ModalitySpec.Kind.SPECTROGRAM, new long[] {1, recipe.audio().melBins(), fx.melFrames()}),
                    new ModalitySpec("visual", ModalitySpec.Kind.FRAMES, new long[] {recipe.frames(), 3, recipe.visual().size(), recipe.visual().size()}));
            progress.accept(String.format("%s: %d train, %d val, %d test clips; %d skipped; cache: %d audio + %d visual entries reused, %d clips decoded%s (%.1f s)",
                    name, train.size(), val.size(), test.size(), skip.size(), aHit.get(), vHit.get(), built.get(),
                    rep.brokenEntries() > 0 ? ", " + rep.brokenEntries() + " broken entries rebuilt" : "", sec));
            MultimodalDataset raw = new MultimodalDataset(name, classNames, mods, train, val, test, List.copyOf(skip));
            return Standardizer.apply(raw);
        } finally {
            pool.shutdownNow();
        }
    }
}
