package org.iibalance.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.iibalance.config.DatasetConfig;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.media.FeatureCache;
import org.iibalance.media.LogMelSpectrogram;

/**
 * AV-MNIST built from the original MNIST IDX files and the Free Spoken Digit Dataset (FSDD), after
 * the recipe in {@code shared/data/README.md} (the construction used by MultiBench and by
 * modality-imbalance papers). The data root ({@code dataset.root}, default {@code ../shared/data}
 * relative to the working directory) must hold {@code mnist/*-idx?-ubyte.gz} and
 * {@code fsdd/recordings/{digit}_{speaker}_{index}.wav}.
 *
 * <h2>Splits</h2>
 * MNIST training rows 0-54999 are the training split, rows 55000-59999 validation, and the 10000
 * MNIST test images the test split (in file order). Speakers are disjoint between splits: training
 * pairs with jackson, nicolas and theo, validation with george and test with yweweler. The sixth
 * FSDD speaker, lucas, is not used (the original AV-MNIST had neither george nor lucas). When
 * {@code dataset.maxTrain/maxVal/maxTest} are above 0 only the first that many clips of each split
 * are built (the same clips, with the same recordings and noise, as the prefix of the full split).
 *
 * <h2>Visual modality</h2>
 * Pixels are scaled to [0, 1]. A PCA is fitted on all 55000 training images (never on validation or
 * test, and independently of {@code maxTrain}); the fewest leading components that keep
 * {@code dataset.avmnist.keepEnergy} of the training variance are kept (default 0.25, the data
 * README's "75% of the energy removed": 4 components on MNIST), or, when the legacy
 * {@code dataset.avmnist.pcaComponentFraction} is above 0, {@code round(fraction * 784)} components;
 * every image is replaced by its reconstruction {@code mean + W^T W (x - mean)}, so the visual
 * modality is deliberately weakened. Reconstructions are not clipped to [0, 1]. Shape
 * {@code [1, 1, 28, 28]} (one frame, one grey channel). See {@link Pca}. The fitted projection is kept
 * in the feature cache ({@code dataset.cacheDir}, when {@code dataset.media.cache} is on) keyed by the
 * training images' content hash and the component rule, and reused by later runs ({@link PcaCache}).
 *
 * <h2>Audio modality</h2>
 * Each image is paired with the next recording of its digit among its split's speakers, cycling: a
 * per-digit cursor walks the split's recordings of that digit sorted by take index then speaker
 * name, so consecutive images of a digit alternate between the split's speakers. Recordings are read
 * with Java Sound at FSDD's native 8000 Hz ({@code dataset.avmnist.sampleRate} 0, the default; another
 * rate resamples by linear interpolation: upsampling adds no information and, at 16 kHz, puts a
 * quarter of the mel bins above 4 kHz where only the added noise lives), then cut or zero-padded at the end to a fixed
 * {@value #CLIP_SECONDS} s ({@code dataset.audio.seconds} is not used: its default of 0.5 s is sized
 * for the synthetic data, and spoken digits last up to about 1 s). Each clean waveform is decoded once
 * and reused by every clip that pairs with it. The original mixes in ESC-50 background noise, which is
 * not available here: seeded white Gaussian noise stands in, at an SNR of
 * {@code dataset.avmnist.noiseSnrDb} (default 0 dB) relative to the RMS of the recording as read,
 * over the whole fixed-length clip, seeded by (seed, split, clip index) so it is repeatable and differs
 * between clips that share a recording. The noisy waveform becomes a log-Mel spectrogram with
 * {@code dataset.audio} window, hop and mel bins ({@link LogMelSpectrogram}: HTK mel filters from 0 Hz
 * to the Nyquist frequency, 4 kHz at 8 kHz; a 25 ms window is 200 samples in a 256-point FFT, and no
 * filter of 32 is empty), shape {@code [1, melBins, frames]} (32 x 101 with the defaults).
 * With {@code dataset.avmnist.augment} on, each training clip's audio is made afresh in every training
 * epoch ({@link AvMnistAudioAugmentation}: new noise, SNR jitter, a random delay, SpecAugment masks;
 * {@link AugmentedInputs}); validation and test clips keep their one fixed noise draw.
 *
 * <h2>Output</h2>
 * Modalities in the order audio, visual; classes "0".."9"; clip ids {@code train-00042},
 * {@code val-00003}, {@code test-00007}; meta {@code split}, {@code speaker}, {@code audioFile}
 * (absolute path), {@code mnistIndex} (row in {@code mnistFile}) and {@code mnistFile}. Inputs are
 * standardised with training statistics ({@link Standardizer}). A WAV that cannot be read is listed in
 * {@link MultimodalDataset#skipped()} and never paired; a missing root, MNIST file or recordings
 * folder, or a truncated IDX file, is a {@link DatasetException}. A run's provenance fingerprints the
 * loaded contents ({@link MultimodalDataset#contentFingerprint()}).
 */
public final class AvMnistDataset implements DatasetLoader {
    public static final String KIND = "avmnist";
    /** Fixed clip length in seconds. */
    public static final double CLIP_SECONDS = 1.0;
    /** FSDD's recording rate. */
    public static final int FSDD_RATE = 8000;
    /** MNIST training rows used for training; the rest of the 60000 are validation. */
    public static final int TRAIN_ROWS = 55000;
    public static final int VAL_ROWS = 5000;
    public static final List<String> TRAIN_SPEAKERS = List.of("jackson", "nicolas", "theo");
    public static final List<String> VAL_SPEAKERS = List.of("george");
    public static final List<String> TEST_SPEAKERS = List.of("yweweler");
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    private static final String HINT = "; set dataset.root to the folder holding mnist/ and fsdd/recordings/";

    /** How a file's contents are hashed for the PCA cache's key (PcaCache::sha256; a test may observe the calls). */
    @FunctionalInterface
    interface ContentHash {
        String of(Path file) throws IOException;
    }

    private final ContentHash contentHash;

    public AvMnistDataset() {
        this(PcaCache::sha256);
    }

    AvMnistDataset(ContentHash contentHash) {
        this.contentHash = contentHash;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "AV-MNIST: MNIST digits (PCA keeping 25% of the variance) paired with spoken digits (FSDD), speaker-disjoint splits";
    }

    /** The data root: {@code dataset.root}, or {@code ../shared/data} when it is empty. */
    static Path root(ExperimentConfig cfg) {
        String r = cfg.dataset().root();
        return Path.of(r == null || r.isBlank() ? "../shared/data" : r).toAbsolutePath().normalize();
    }

    /** The rate the recordings are used at: {@code dataset.avmnist.sampleRate}, or FSDD's native 8000 Hz when 0. */
    public static int sampleRate(ExperimentConfig cfg) {
        int r = cfg.dataset().avmnist().sampleRate();
        return r > 0 ? r : FSDD_RATE;
    }

    @Override
    public MultimodalDataset load(ExperimentConfig cfg, Consumer<String> progress) throws DatasetException {
        long t0 = System.nanoTime();
        DatasetConfig d = cfg.dataset();
        Path root = root(cfg);
        if (!Files.isDirectory(root)) throw new DatasetException("avmnist: data root " + root + " not found" + HINT);
        Path mnist = root.resolve("mnist");
        for (String f : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
            if (!Files.isRegularFile(mnist.resolve(f))) throw new DatasetException("avmnist: " + mnist.resolve(f) + " not found" + HINT);
        }
        Path recordings = root.resolve("fsdd").resolve("recordings");
        if (!Files.isDirectory(recordings)) throw new DatasetException("avmnist: " + recordings + " not found (expected the FSDD {digit}_{speaker}_{index}.wav files)" + HINT);
        double frac = d.avmnist().pcaComponentFraction();
        double energy = d.avmnist().keepEnergy();
        if (!(frac >= 0 && frac <= 1)) throw new DatasetException("avmnist: dataset.avmnist.pcaComponentFraction must be in [0, 1] (0: use keepEnergy), got " + frac);
        if (frac == 0 && !(energy > 0 && energy <= 1)) throw new DatasetException("avmnist: dataset.avmnist.keepEnergy must be in (0, 1], got " + energy);
        int sampleRate = sampleRate(cfg);

        int nTrain = limit(TRAIN_ROWS, d.maxTrain()), nVal = limit(VAL_ROWS, d.maxVal());
        progress.accept("avmnist: reading MNIST from " + mnist);
        float[][] trainImages = MnistIdx.images(mnist.resolve(TRAIN_IMAGES), TRAIN_ROWS + VAL_ROWS);
        int[] trainLabels = MnistIdx.labels(mnist.resolve(TRAIN_LABELS), TRAIN_ROWS + VAL_ROWS);
        if (trainImages.length < TRAIN_ROWS + VAL_ROWS || trainLabels.length < TRAIN_ROWS + VAL_ROWS) {
            throw new DatasetException("avmnist: " + mnist + " holds " + trainImages.length + " training images and " + trainLabels.length + " labels, expected 60000");
        }
        float[][] testImages = MnistIdx.images(mnist.resolve(TEST_IMAGES), d.maxTest());
        int[] testLabels = MnistIdx.labels(mnist.resolve(TEST_LABELS), d.maxTest());
        if (testImages.length != testLabels.length) throw new DatasetException("avmnist: " + mnist.resolve(TEST_IMAGES) + " and its labels differ in count");
        int dims = trainImages[0].length;
        PcaCache pcaCache = new PcaCache(d.media().cache() ? new FeatureCache(AvClipLoader.cacheDir(d)) : null, progress);
        // the images' content hash (about 10 MB read) keys the cache entry: computed only when the cache is used
        String imagesSha = null;
        if (pcaCache.enabled()) {
            try {
                imagesSha = contentHash.of(mnist.resolve(TRAIN_IMAGES));
            } catch (IOException e) {
                throw new DatasetException("avmnist: cannot read " + mnist.resolve(TRAIN_IMAGES) + ": " + e.getMessage());
            }
        }
        // the legacy component fraction or the share of the variance (the benchmark's rule): one cached fit either way
        String rule;
        String fitting;
        java.util.function.Function<float[][], Pca> fit;
        if (frac > 0) {
            int k = Math.max(1, Math.min(dims, (int) Math.round(frac * dims)));
            rule = "components=" + k;
            fitting = String.format("keeping %d of %d components (legacy pcaComponentFraction %s; keepEnergy not used)", k, dims, frac);
            fit = rows -> Pca.fit(rows, k);
        } else {
            rule = "keepEnergy=" + energy;
            fitting = String.format("keeping %.0f%% of the variance", 100 * energy);
            fit = rows -> Pca.fitEnergy(rows, energy);
        }
        Pca pca = pcaCache.getOrFit(PcaCache.key(imagesSha, TRAIN_ROWS, rule), dims, () -> {
            progress.accept(String.format("avmnist: fitting PCA on %d training images, %s", TRAIN_ROWS, fitting));
            return fit.apply(java.util.Arrays.copyOf(trainImages, TRAIN_ROWS));
        });
        int k = pca.kept();
        progress.accept(String.format("avmnist: PCA keeps %d of %d components, %.1f%% of the training variance (%.1f s)", k, dims,
                100 * pca.explainedVariance(), secs(t0)));

        List<SkippedFile> skipped = Collections.synchronizedList(new ArrayList<>());
        List<FsddRecordings.Recording> all = FsddRecordings.list(recordings, skipped);
        List<String> used = new ArrayList<>(TRAIN_SPEAKERS);
        used.addAll(VAL_SPEAKERS);
        used.addAll(TEST_SPEAKERS);
        List<FsddRecordings.Recording> needed = all.stream().filter(r -> used.contains(r.speaker())).toList();
        progress.accept("avmnist: decoding " + needed.size() + " recordings from " + recordings
                + (sampleRate == FSDD_RATE ? " at FSDD's native " + FSDD_RATE + " Hz" : ", resampled to " + sampleRate + " Hz"));
        Map<Path, Decoded> decoded = decode(needed, sampleRate, skipped);
        progress.accept(String.format("avmnist: decoded %d recordings, %d skipped (%.1f s)", decoded.size(), skipped.size(), secs(t0)));

        ClipBuilder b = new ClipBuilder(cfg, sampleRate, pca, decoded, all);
        List<Clip> train = b.split("train", 0, TRAIN_SPEAKERS, trainImages, trainLabels, 0, nTrain, TRAIN_IMAGES);
        progress.accept(String.format("avmnist: %d train clips (%.1f s)", train.size(), secs(t0)));
        DatasetConfig.AvMnistAugmentConfig au = d.avmnist().augment();
        if (au != null && au.active()) {
            progress.accept(String.format("avmnist: training audio augmented per clip and epoch (dataset.avmnist.augment: freshNoise %s, "
                    + "snrJitterDb %s, maxShiftSeconds %s, %d time masks <= %d frames, %d frequency masks <= %d bins); validation and test are not",
                    au.freshNoise(), au.snrJitterDb(), au.maxShiftSeconds(), au.timeMasks(), au.timeMaskFrames(), au.freqMasks(), au.freqMaskBins()));
        }
        List<Clip> val = b.split("val", 1, VAL_SPEAKERS, trainImages, trainLabels, TRAIN_ROWS, nVal, TRAIN_IMAGES);
        List<Clip> test = b.split("test", 2, TEST_SPEAKERS, testImages, testLabels, 0, testImages.length, TEST_IMAGES);
        progress.accept(String.format("avmnist: %d val, %d test clips (%.1f s)", val.size(), test.size(), secs(t0)));

        List<String> names = new ArrayList<>();
        for (int c = 0; c < 10; c++) names.add(Integer.toString(c));
        List<ModalitySpec> mods = List.of(
                new ModalitySpec("audio", ModalitySpec.Kind.SPECTROGRAM, new long[] {1, d.audio().melBins(), b.frames}),
                new ModalitySpec("visual", ModalitySpec.Kind.FRAMES, new long[] {1, 1, 28, 28}));
        List<SkippedFile> sk = new ArrayList<>(skipped);
        sk.sort(java.util.Comparator.comparing(SkippedFile::file));
        MultimodalDataset raw = new MultimodalDataset(KIND, names, mods, train, val, test, List.copyOf(sk));
        MultimodalDataset out = Standardizer.apply(raw);
        progress.accept(String.format("avmnist: done in %.1f s", secs(t0)));
        return out;
    }

    private static int limit(int total, int max) {
        return max > 0 ? Math.min(max, total) : total;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A recording resampled and fitted to the clip length, with the RMS of the recording as read. */
    record Decoded(float[] clean, double rms) {}

    /** Decodes each recording once (in parallel); unreadable ones go to {@code skipped}. */
    static Map<Path, Decoded> decode(List<FsddRecordings.Recording> recs, int sampleRate, List<SkippedFile> skipped) {
        Map<Path, Decoded> out = new ConcurrentHashMap<>();
        int length = (int) Math.round(CLIP_SECONDS * sampleRate);
        recs.parallelStream().forEach(r -> {
            try {
                WavAudio.Wave w = WavAudio.read(r.file());
                float[] x = WavAudio.resampleLinear(w.samples(), w.sampleRate(), sampleRate);
                out.put(r.file(), new Decoded(WavAudio.fitLength(x, length), WavAudio.rms(w.samples())));
            } catch (IOException | RuntimeException e) {
                skipped.add(new SkippedFile(r.file().toString(), e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
        return out;
    }

    /** Builds the clips of one split. */
    private static final class ClipBuilder {
        final ExperimentConfig cfg;
        final Pca pca;
        final Map<Path, Decoded> decoded;
        final List<FsddRecordings.Recording> all;
        final DatasetConfig.AudioConfig a;
        final ThreadLocal<LogMelSpectrogram> mel;
        final ThreadLocal<float[]> wave; // one noisy-waveform buffer per thread, not one per clip
        final int frames;
        final double noiseScale;

        ClipBuilder(ExperimentConfig cfg, int sampleRate, Pca pca, Map<Path, Decoded> decoded, List<FsddRecordings.Recording> all) {
            this.cfg = cfg;
            this.pca = pca;
            this.decoded = decoded;
            this.all = all;
            this.a = cfg.dataset().audio();
            this.mel = ThreadLocal.withInitial(() -> new LogMelSpectrogram(sampleRate, a.windowMs(), a.hopMs(), a.melBins()));
            int samples = (int) Math.round(CLIP_SECONDS * sampleRate);
            this.wave = ThreadLocal.withInitial(() -> new float[samples]);
            this.frames = mel.get().frames(samples);
            this.noiseScale = Math.pow(10, -cfg.dataset().avmnist().noiseSnrDb() / 20.0);
            DatasetConfig.AvMnistAugmentConfig au = cfg.dataset().avmnist().augment();
            this.augmentation = au != null && au.active()
                    ? new AvMnistAudioAugmentation(au, cfg.seed(), sampleRate, a.melBins(), noiseScale, mel::get) : null;
        }

        final AvMnistAudioAugmentation augmentation; // training split only; null when off

        /** The seed of clip {@code index}'s fixed noise draw in split {@code splitNo}. */
        long noiseSeed(int splitNo, int index) {
            return mix(mix(mix(cfg.seed()) ^ splitNo) ^ index);
        }

        List<Clip> split(String split, int splitNo, List<String> speakers, float[][] images, int[] labels, int offset, int n, String mnistFile)
                throws DatasetException {
            // per-digit sorted lists of this split's usable recordings, and the cycling cursor
            List<List<FsddRecordings.Recording>> byDigit = new ArrayList<>();
            for (int c = 0; c < 10; c++) byDigit.add(new ArrayList<>());
            for (FsddRecordings.Recording r : all) {
                if (speakers.contains(r.speaker()) && decoded.containsKey(r.file())) byDigit.get(r.digit()).add(r);
            }
            int[] cursor = new int[10];
            FsddRecordings.Recording[] pair = new FsddRecordings.Recording[n];
            for (int i = 0; i < n; i++) {
                int label = labels[offset + i];
                if (label > 9) throw new DatasetException("avmnist: " + mnistFile + " row " + (offset + i) + " has label " + label + ", expected 0-9");
                List<FsddRecordings.Recording> l = byDigit.get(label);
                if (l.isEmpty()) throw new DatasetException("avmnist: no usable recording of digit " + label + " by " + speakers + " for the " + split + " split");
                pair[i] = l.get(cursor[label]++ % l.size());
            }
            Clip[] out = new Clip[n];
            IntStream.range(0, n).parallel().forEach(i -> {
                int row = offset + i;
                float[] visual = pca.reconstruct(images[row]);
                float[] audio = mel.get().computeFlat(noisy(decoded.get(pair[i].file()), splitNo, i));
                FsddRecordings.Recording r = pair[i];
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("split", split);
                meta.put("speaker", r.speaker());
                meta.put("audioFile", r.file().toString());
                meta.put("mnistIndex", Integer.toString(row));
                meta.put("mnistFile", mnistFile);
                List<float[]> inputs = List.of(audio, visual);
                if (splitNo == 0 && augmentation != null) { // training clips: a new audio variant per epoch
                    Decoded dec = decoded.get(r.file());
                    long fixed = noiseSeed(splitNo, i);
                    int index = i;
                    inputs = new AugmentedInputs(inputs, new AugmentedInputs.Variant[] {e -> augmentation.spectrogram(dec, index, fixed, e), null});
                }
                out[i] = new Clip(String.format("%s-%05d", split, i), labels[row], inputs, Collections.unmodifiableMap(meta));
            });
            return List.of(out);
        }

        /**
         * The clean waveform plus white Gaussian noise at the configured SNR, seeded per clip, in
         * this thread's buffer (valid until the thread's next call).
         */
        float[] noisy(Decoded dec, int splitNo, int index) {
            float[] x = wave.get();
            addNoise(dec.clean(), x, dec.rms() * noiseScale, noiseSeed(splitNo, index));
            return x;
        }
    }

    /**
     * {@code y = x + n} with n white Gaussian noise of standard deviation {@code std} drawn from
     * {@code seed} (a copy when {@code std} is 0): the one noise arithmetic of the stored clips and of
     * the augmented training variants ({@link AvMnistAudioAugmentation}), so that a variant with the
     * clip's own draw and no other change equals the stored clip bit for bit. {@code y} may be {@code x}.
     */
    static void addNoise(float[] x, float[] y, double std, long seed) {
        if (std > 0) {
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < y.length; i++) y[i] = x[i] + (float) (std * r.nextGaussian());
        } else if (x != y) {
            System.arraycopy(x, 0, y, 0, y.length);
        }
    }

    /** A 64-bit finaliser (splitmix64) to derive independent seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
