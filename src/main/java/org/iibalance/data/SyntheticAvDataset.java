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
 *   <li><b>Audio is the dominant modality.</b> Each class has a tone pattern one can hear apart (its
 *   own pitch, played as 1, 2 or 3 beeps, steady or gliding), quick for a spectrogram encoder to
 *   learn. Only {@code alikePairs} pairs of
 *   classes <em>sound alike</em> (classes 0 and 1 by default), so audio alone cannot tell those
 *   apart.</li>
 *   <li><b>Vision is weaker and slower, but carries what audio lacks.</b> Each class shows its own
 *   shape (a disk, a square, a triangle, ...), large and bright; its colour, size, place and motion, the
 *   background and a smaller, dimmer distractor shape vary per clip and say nothing about the class.
 *   A person reads every clean frame at a glance; a small encoder needs several epochs to learn shape
 *   regardless of everything else, so vision is the slower modality. The classes that sound alike
 *   look different, but the next {@code lookAlikePairs} pairs look alike (classes 2 and 3, 4 and 5, 6
 *   and 7 by default), so vision alone is capped lower than audio.</li>
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

    /** The colours a shape is drawn in, chosen per clip (a colour says nothing about the class). */
    private static final float[][] PALETTE = {
        {1.0f, 0.15f, 0.15f}, {0.2f, 0.4f, 1.0f}, {0.15f, 0.9f, 0.2f}, {1.0f, 0.9f, 0.15f},
        {0.8f, 0.25f, 1.0f}, {0.15f, 0.95f, 0.95f}, {1.0f, 0.55f, 0.1f}, {0.75f, 0.75f, 0.75f}
    };

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "embedded audio-visual data generated from the seed (a beep pattern and a shape per class; colour, size, place and motion vary per clip; noisy audio and dark or occluded frames per clip)";
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

        /**
         * A tone pattern a listener can tell apart: the sound's pitch (a harmonic tone, one step of
         * 1.35x per sound), played as 1, 2 or 3 beeps, steady or gliding up; plus background noise
         * (six times louder on a drowned clip). Sounds differ in pitch first, so a spectrogram
         * encoder learns them in a few epochs: audio stays the dominant, faster modality.
         */
        float[] waveform(int label, RandomGenerator r, boolean drowned) {
            Sound sound = Sound.of(soundOf(label, s.alikePairs()));
            double f0 = sound.pitchHz() * (1 + 0.03 * r.nextGaussian());
            int beeps = sound.beeps();
            boolean glide = sound.glide();
            double phase = r.nextDouble() * 2 * Math.PI;
            double amp = 0.3;
            double noise = amp * s.audioNoise() * (drowned ? 6 : 1);
            float[] w = new float[samples];
            double ph = phase;
            for (int i = 0; i < samples; i++) {
                double pos = (double) i / samples;
                // beep k of n fills 70% of its slot, with soft edges of 1/25 of a slot (in a 0.5 s clip 20 ms for one beep, about 7 ms for three)
                double slot = pos * beeps, inSlot = slot - Math.floor(slot);
                double env = inSlot < 0.7 ? Math.min(1, Math.min(inSlot, 0.7 - inSlot) * 25) : 0;
                double f = glide ? f0 * (1 + 0.5 * inSlot) : f0;
                ph += 2 * Math.PI * f / a.sampleRate();
                double x = Math.sin(ph) + 0.5 * Math.sin(2 * ph) + 0.25 * Math.sin(3 * ph);
                // the tone at 1.5x the old continuous tone's level: beeps carry less energy than a steady
                // tone, and audio must stay the faster, more confident modality
                w[i] = (float) (1.5 * amp * env * x / 1.75 + noise * r.nextGaussian());
            }
            return w;
        }

        /**
         * [T, 3, H, W] frames a viewer can read: each look is a shape (look 0 a disk, look 1 a cross, look 2 a square,
         * look 3 a triangle, ...; {@link Shape}), drawn large and bright. Everything else varies per
         * clip and says nothing about the class: the shape's colour, size, place and direction of
         * motion, the background level, and a smaller, dimmer distractor shape of any look. Pixel noise
         * is light (a person reads every clean frame); vision is slower to learn than audio because a
         * small encoder must learn shape regardless of colour, size, place and clutter, not because the
         * frames are unreadable. A dark clip is dimmed to a seventh under the same noise, an occluded
         * clip has a grey square over two thirds of each side: both visibly unreliable.
         */
        float[] frames(int label, RandomGenerator r, String state) {
            int size = v.size(), t = v.frames();
            float[] img = new float[t * 3 * size * size];
            int look = lookOf(label, s.alikePairs(), s.lookAlikePairs());
            Shape shape = Shape.values()[look % Shape.values().length];
            float[] colour = PALETTE[r.nextInt(PALETTE.length)];
            double[] dir = MOTIONS[r.nextInt(MOTIONS.length)];
            double half = size * (0.3 + 0.06 * r.nextDouble());
            double step = t > 1 ? size * 0.2 / (t - 1) : 0; // the whole motion covers 20% of the frame
            double travelX = dir[0] * step * (t - 1), travelY = dir[1] * step * (t - 1);
            // a random start that keeps the shape inside the frame for the whole motion
            double cx = uniform(r, half + Math.max(0, -travelX), size - half - Math.max(0, travelX));
            double cy = uniform(r, half + Math.max(0, -travelY), size - half - Math.max(0, travelY));
            double background = 0.15 * r.nextDouble();
            // the distractor: a shape of any look at 40% of the size and of the brightness, anywhere
            Shape other = Shape.values()[r.nextInt(Shape.values().length)];
            float[] otherColour = PALETTE[r.nextInt(PALETTE.length)];
            double oHalf = half * 0.4, ox = uniform(r, oHalf, size - oHalf), oy = uniform(r, oHalf, size - oHalf);
            int occX = r.nextInt(Math.max(1, size / 3)), occY = r.nextInt(Math.max(1, size / 3));
            double sigma = s.visualNoise() * 0.1; // light: the frames stay readable
            for (int f = 0; f < t; f++) {
                double bx = cx + dir[0] * step * f, by = cy + dir[1] * step * f;
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double in = shape.coverage((x + 0.5 - bx) / half, (y + 0.5 - by) / half);
                        double od = other.coverage((x + 0.5 - ox) / oHalf, (y + 0.5 - oy) / oHalf);
                        for (int ch = 0; ch < 3; ch++) {
                            double val = background + od * (0.4 * otherColour[ch] - background);
                            if (in > 0) val = in * colour[ch] + (1 - in) * val;
                            val += sigma * r.nextGaussian();
                            if (state.equals("dark")) val = val / 7 + sigma * r.nextGaussian();
                            if (state.equals("occluded") && x >= occX && x < occX + 2 * size / 3 && y >= occY && y < occY + 2 * size / 3) val = 0.5;
                            img[((f * 3 + ch) * size + y) * size + x] = (float) val;
                        }
                    }
                }
            }
            return img;
        }

        private static double uniform(RandomGenerator r, double lo, double hi) {
            return hi <= lo ? (lo + hi) / 2 : lo + r.nextDouble() * (hi - lo);
        }
    }

    /** Directions of motion, drawn per clip (unit steps in x, y; image y points down). */
    private static final double[][] MOTIONS = {
        {1, 0}, {0, 1}, {-1, 0}, {0, -1}, {0.7, 0.7}, {-0.7, 0.7}, {0, 0}, {0.7, -0.7}
    };

    /** The shapes of the looks, as coverage of a point in the shape's own unit square [-1, 1]^2. */
    enum Shape {
        DISK {
            double coverage(double u, double w) {
                return u * u + w * w <= 1 ? 1 : 0;
            }
        },
        CROSS {
            double coverage(double u, double w) {
                return (Math.abs(u) <= 0.3 && Math.abs(w) <= 1) || (Math.abs(w) <= 0.3 && Math.abs(u) <= 1) ? 1 : 0;
            }
        },
        SQUARE {
            double coverage(double u, double w) {
                return Math.abs(u) <= 0.85 && Math.abs(w) <= 0.85 ? 1 : 0;
            }
        },
        TRIANGLE {
            double coverage(double u, double w) {
                // apex up: the base at w = 0.9, the apex at w = -1
                return w <= 0.9 && w >= -1 && Math.abs(u) <= (w + 1) / 1.9 ? 1 : 0;
            }
        },
        RING {
            double coverage(double u, double w) {
                double d = u * u + w * w;
                return d <= 1 && d >= 0.35 ? 1 : 0;
            }
        },
        BARS {
            double coverage(double u, double w) {
                return Math.abs(w) <= 1 && Math.abs(u) <= 1 && (int) Math.floor((u + 1) * 2.5) % 2 == 0 ? 1 : 0;
            }
        },
        DIAMOND {
            double coverage(double u, double w) {
                return Math.abs(u) + Math.abs(w) <= 1 ? 1 : 0;
            }
        },
        FRAME {
            double coverage(double u, double w) {
                double m = Math.max(Math.abs(u), Math.abs(w));
                return m <= 0.9 && m >= 0.5 ? 1 : 0;
            }
        };

        abstract double coverage(double u, double w);
    }

    /** What a viewer sees of a look, in words (for the set-up preview): its shape; nothing else is the class's. */
    public static String lookName(int look) {
        Shape[] shapes = Shape.values();
        String name = shapes[look % shapes.length].name().toLowerCase(java.util.Locale.ROOT);
        return (name.equals("bars") ? "bars" : "a " + name) + (look >= shapes.length ? " (look " + look + ": repeats a shape)" : "");
    }

    /**
     * A sound's tone pattern, the one definition that the waveform plays and {@link #soundName} describes.
     *
     * @param pitchHz the base pitch: 220 Hz, one step of 1.35x per sound (each clip jitters it by 3%)
     * @param beeps   1, 2 or 3 beeps
     * @param glide   each beep glides up (by half its pitch) rather than staying steady
     */
    record Sound(double pitchHz, int beeps, boolean glide) {
        static Sound of(int sound) {
            return new Sound(220 * Math.pow(1.35, sound), 1 + sound % 3, (sound / 3) % 2 == 1);
        }
    }

    /** What a listener hears of a sound, in words (for the set-up preview). */
    public static String soundName(int sound) {
        Sound s = Sound.of(sound);
        return (s.beeps() == 1 ? "1 beep" : s.beeps() + " beeps") + (s.glide() ? " gliding up" : "")
                + String.format(java.util.Locale.ROOT, " at %.0f Hz", s.pitchHz());
    }

    /**
     * The dataset's story in a few lines: which classes sound alike, which look alike, what each class
     * sounds and looks like, and how many clips are degraded.
     */
    public static List<String> story(DatasetConfig.SyntheticConfig s) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < s.classes(); c++) {
            out.add("class" + c + ": " + soundName(soundOf(c, s.alikePairs())) + "; " + lookName(lookOf(c, s.alikePairs(), s.lookAlikePairs())));
        }
        return out;
    }
}
