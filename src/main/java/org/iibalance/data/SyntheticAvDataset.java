package org.iibalance.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.function.Consumer;
import org.iibalance.config.DatasetConfig;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.media.LogMelSpectrogram;

/**
 * The embedded default dataset: a small, seeded model of the paper's problem, nothing to download.
 *
 * <p>Each clip has a sound (a waveform at {@code dataset.audio.sampleRate}, turned into a log-Mel
 * spectrogram with the configured window and hop) and {@code dataset.visual.frames} small RGB frames.
 * <ul>
 *   <li><b>Audio is the dominant modality.</b> Each class has a harmonic tone with its own pitch and
 *   loudness envelope, quick for a spectrogram encoder to learn. Only {@code alikePairs} pairs of
 *   classes <em>sound alike</em> (classes 0 and 1 by default), so audio alone cannot tell those
 *   apart.</li>
 *   <li><b>Vision is weaker and slower, but carries what audio lacks.</b> Each class shows a blob with
 *   a colour and place, drifting over the frames; heavy pixel noise and a distractor blob make it slow
 *   to learn. The classes that sound alike look different, but the next {@code lookAlikePairs} pairs
 *   look alike (classes 2 and 3, 4 and 5, 6 and 7 by default), so vision alone is capped lower than
 *   audio.</li>
 *   <li><b>Reliability varies per clip.</b> In {@code noisyAudioFraction} of the clips the audio is
 *   drowned in noise; independently, in {@code corruptFrameFraction} of the clips the frames are
 *   dark or occluded. Each clip's metadata says which, so per-clip gating can be checked.</li>
 * </ul>
 * With the defaults (8 classes) a perfect audio model of clean clips is right on 7/8 of them and a
 * perfect visual model of clean frames on 5/8; fusion can be right on all clean clips and fall back on
 * the other modality when one is corrupt.
 */
public final class SyntheticAvDataset implements DatasetLoader {
    public static final String KIND = "synthetic-av";

    /** The palette of blob colours (RGB); neighbours are deliberately close. */
    private static final float[][] PALETTE = {
        {1.0f, 0.2f, 0.2f}, {0.2f, 0.4f, 1.0f}, {0.2f, 1.0f, 0.3f}, {1.0f, 0.9f, 0.2f},
        {0.9f, 0.3f, 1.0f}, {0.2f, 1.0f, 1.0f}, {1.0f, 0.6f, 0.2f}, {0.6f, 0.6f, 0.6f}
    };

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "embedded audio-visual data generated from the seed (tones + drifting blobs, noisy audio and corrupt frames per clip)";
    }

    @Override
    public boolean needsRoot() {
        return false;
    }

    @Override
    public MultimodalDataset load(ExperimentConfig cfg, Consumer<String> progress) throws DatasetException {
        DatasetConfig d = cfg.dataset();
        DatasetConfig.SyntheticConfig s = d.synthetic();
        Generator g = new Generator(cfg);
        progress.accept("generating synthetic-av: " + s.trainClips() + " train, " + s.valClips() + " val, " + s.testClips() + " test clips");
        List<Clip> train = g.split("train", s.trainClips());
        List<Clip> val = g.split("val", s.valClips());
        List<Clip> test = g.split("test", s.testClips());
        List<String> names = new ArrayList<>();
        for (int c = 0; c < s.classes(); c++) names.add("class" + c);
        List<ModalitySpec> mods = new ArrayList<>(List.of(
                new ModalitySpec("audio", ModalitySpec.Kind.SPECTROGRAM, new long[] {1, d.audio().melBins(), g.frames}),
                new ModalitySpec("visual", ModalitySpec.Kind.FRAMES, new long[] {d.visual().frames(), 3, d.visual().size(), d.visual().size()})));
        if (s.modalities() >= 3) { // a third modality, from its own stream (SyntheticSensor)
            train = SyntheticSensor.addTo(train, cfg.seed(), "train");
            val = SyntheticSensor.addTo(val, cfg.seed(), "val");
            test = SyntheticSensor.addTo(test, cfg.seed(), "test");
            mods.add(SyntheticSensor.spec());
        }
        MultimodalDataset raw = new MultimodalDataset(KIND, names, mods, train, val, test, List.of());
        return Standardizer.apply(raw);
    }

    /** The look of a class: after the sound-alike pairs, the next lookAlikePairs pairs share one. */
    static int lookOf(int c, int alikePairs, int lookAlikePairs) {
        int first = 2 * alikePairs, last = first + 2 * lookAlikePairs;
        if (c < first) return c;
        if (c < last) return first + (c - first) / 2;
        return first + lookAlikePairs + (c - last);
    }

    /** The sound a class makes: classes 2k and 2k+1 share one for k < alikePairs. */
    static int soundOf(int c, int alikePairs) {
        int alike = 2 * alikePairs;
        return c < alike ? c / 2 : alikePairs + (c - alike);
    }

    /** Regenerates the waveform of a clip of this dataset (for listening in the inspector). */
    public static float[] waveform(ExperimentConfig cfg, Clip clip) {
        return new Generator(cfg).waveform(clip.label(), new SplittableRandom(Long.parseLong(clip.meta().get("seed"))),
                "noisy".equals(clip.meta().get("audio")));
    }

    private static final class Generator {
        final ExperimentConfig cfg;
        final DatasetConfig.SyntheticConfig s;
        final DatasetConfig.AudioConfig a;
        final DatasetConfig.VisualConfig v;
        final LogMelSpectrogram mel;
        final int samples;
        final int frames;

        Generator(ExperimentConfig cfg) {
            this.cfg = cfg;
            this.s = cfg.dataset().synthetic();
            this.a = cfg.dataset().audio();
            this.v = cfg.dataset().visual();
            this.mel = new LogMelSpectrogram(a.sampleRate(), a.windowMs(), a.hopMs(), a.melBins());
            this.samples = (int) Math.round(a.seconds() * a.sampleRate());
            this.frames = mel.frames(samples);
        }

        List<Clip> split(String split, int n) {
            List<Clip> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int label = i % s.classes();
                SplittableRandom r = Seeds.random(cfg.seed(), split.hashCode(), i);
                boolean noisyAudio = r.nextDouble() < s.noisyAudioFraction();
                double vr = r.nextDouble();
                String visualState = vr < s.corruptFrameFraction() / 2 ? "dark" : vr < s.corruptFrameFraction() ? "occluded" : "clean";
                long audioSeed = r.nextLong();
                float[] wave = waveform(label, new SplittableRandom(audioSeed), noisyAudio);
                float[] spec = mel.computeFlat(wave);
                float[] img = frames(label, r, visualState);
                out.add(new Clip(split + "-" + i, label, List.of(spec, img), Map.of(
                        "split", split, "seed", Long.toString(audioSeed), "audio", noisyAudio ? "noisy" : "clean",
                        "visual", visualState, "sound", Integer.toString(soundOf(label, s.alikePairs())),
                        "look", Integer.toString(lookOf(label, s.alikePairs(), s.lookAlikePairs())))));
            }
            return out;
        }

        /** A harmonic tone with the class's pitch and envelope, plus background noise. */
        float[] waveform(int label, RandomGenerator r, boolean drowned) {
            int sound = soundOf(label, s.alikePairs());
            double f0 = 220 * Math.pow(1.35, sound) * (1 + 0.03 * r.nextGaussian());
            int envelope = sound % 3; // 0 flat, 1 rising, 2 falling
            double phase = r.nextDouble() * 2 * Math.PI;
            double amp = 0.3;
            double noise = amp * s.audioNoise() * (drowned ? 6 : 1);
            float[] w = new float[samples];
            for (int i = 0; i < samples; i++) {
                double t = (double) i / a.sampleRate();
                double pos = (double) i / samples;
                double env = envelope == 0 ? 1 : envelope == 1 ? 0.2 + 0.8 * pos : 1 - 0.8 * pos;
                double x = Math.sin(2 * Math.PI * f0 * t + phase) + 0.5 * Math.sin(4 * Math.PI * f0 * t + phase) + 0.25 * Math.sin(6 * Math.PI * f0 * t);
                w[i] = (float) (amp * env * x / 1.75 + noise * r.nextGaussian());
            }
            return w;
        }

        /** [T, 3, H, W] frames: the class's blob drifting, a distractor, pixel noise, corruption. */
        float[] frames(int label, RandomGenerator r, String state) {
            int size = v.size(), t = v.frames();
            float[] img = new float[t * 3 * size * size];
            int look = lookOf(label, s.alikePairs(), s.lookAlikePairs());
            float[] colour = PALETTE[look % PALETTE.length];
            // place: the look's own cell of a 3x3 grid (looks beyond 9 reuse cells with other colours)
            int cell = (look * 4) % 9;
            double cx = (cell % 3 + 0.5) * size / 3.0 + r.nextGaussian() * size * 0.05;
            double cy = (cell / 3 + 0.5) * size / 3.0 + r.nextGaussian() * size * 0.05;
            double dx = r.nextGaussian() * size * 0.03, dy = r.nextGaussian() * size * 0.03;
            double radius = size * 0.11;
            float[] dcol = PALETTE[r.nextInt(PALETTE.length)];
            double ddx = r.nextDouble() * size, ddy = r.nextDouble() * size;
            int occX = r.nextInt(Math.max(1, size / 3)), occY = r.nextInt(Math.max(1, size / 3));
            for (int f = 0; f < t; f++) {
                double bx = cx + dx * f, by = cy + dy * f;
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double g = Math.exp(-((x - bx) * (x - bx) + (y - by) * (y - by)) / (2 * radius * radius));
                        double gd = 0.7 * Math.exp(-((x - ddx) * (x - ddx) + (y - ddy) * (y - ddy)) / (2 * radius * radius));
                        for (int ch = 0; ch < 3; ch++) {
                            double val = g * colour[ch] + gd * dcol[ch] + s.visualNoise() * 0.5 * r.nextGaussian();
                            if (state.equals("dark")) val = 0.1 * val + 0.5 * s.visualNoise() * r.nextGaussian();
                            if (state.equals("occluded") && x >= occX && x < occX + 2 * size / 3 && y >= occY && y < occY + 2 * size / 3) val = 0.5;
                            img[((f * 3 + ch) * size + y) * size + x] = (float) val;
                        }
                    }
                }
            }
            return img;
        }
    }
}
