package org.iibalance.config;

/**
 * The data of a run.
 *
 * @param kind      {@code synthetic-av} (embedded, generated from the seed) or {@code avmnist}
 *                  (MNIST + spoken digits from {@code root}); media loaders add more kinds
 * @param root      folder of the data on disk (unused by {@code synthetic-av})
 * @param maxTrain  at most this many training clips (0: all)
 * @param maxVal    at most this many validation clips (0: all)
 * @param maxTest   at most this many test clips (0: all)
 * @param audio     how audio becomes a log-Mel spectrogram
 * @param visual    how frames are prepared
 * @param synthetic options of the embedded synthetic-av generator
 * @param avmnist   options of the AV-MNIST builder
 * @param cacheDir  folder of the preprocessed-feature cache ("" : none)
 * @param media     options of the loaders of real audio-visual layouts
 */
public record DatasetConfig(
        String kind,
        String root,
        int maxTrain,
        int maxVal,
        int maxTest,
        AudioConfig audio,
        VisualConfig visual,
        SyntheticConfig synthetic,
        AvMnistConfig avmnist,
        String cacheDir,
        MediaConfig media) {

    public static DatasetConfig defaults() {
        return new DatasetConfig("synthetic-av", "", 0, 0, 0, AudioConfig.defaults(), VisualConfig.defaults(),
                SyntheticConfig.defaults(), AvMnistConfig.defaults(), "", MediaConfig.defaults());
    }

    /**
     * Audio preprocessing: resampled to {@code sampleRate} mono, cut/padded/tiled to {@code seconds},
     * log-Mel with a {@code windowMs} window and {@code hopMs} hop (the paper: 16 kHz, 25 ms, 10 ms).
     */
    public record AudioConfig(int sampleRate, double seconds, double windowMs, double hopMs, int melBins) {
        public static AudioConfig defaults() {
            return new AudioConfig(16000, 0.5, 25, 10, 32);
        }
    }

    /**
     * Frame preprocessing: {@code frames} frames spread evenly over the clip (or sampled at
     * {@code fps} when it is above 0), resized to {@code size} x {@code size}. When
     * {@code framesPerClip} is above 0 (and below that number of frames T), the model sees only that
     * many of the T decoded frames: in training a fresh random choice per clip and epoch (seeded, as
     * the peers sample a few frames of the 16 fps stream), in validation and test the same evenly
     * spaced ones; 0 feeds all T frames.
     */
    public record VisualConfig(int frames, double fps, int size, int framesPerClip) {
        public static VisualConfig defaults() {
            return new VisualConfig(3, 0, 24, 0);
        }

        /** Frames decoded per clip with this recipe and {@code seconds} of audio: T. */
        public int decodedFrames(double seconds) {
            return fps > 0 ? Math.max(1, (int) Math.round(fps * seconds)) : frames;
        }

        /** Frames the model sees per clip: {@code framesPerClip} when it is in [1, T), else T. */
        public int framesSeen(double seconds) {
            int t = decodedFrames(seconds);
            return framesPerClip > 0 && framesPerClip < t ? framesPerClip : t;
        }
    }

    /**
     * The embedded synthetic-av generator (see {@code SyntheticAvDataset} for what each knob does).
     *
     * @param classes             number of classes
     * @param alikePairs          how many pairs of classes share one sound (audio cannot tell them apart)
     * @param lookAlikePairs      how many further pairs of classes share one look (vision cannot tell them apart)
     * @param trainClips          training clips
     * @param valClips            validation clips
     * @param testClips           test clips
     * @param audioNoise          std of background noise relative to the tone (all clips)
     * @param noisyAudioFraction  fraction of clips whose audio is drowned in noise
     * @param visualNoise         std of pixel noise (all clips)
     * @param corruptFrameFraction fraction of clips with dark or occluded frames
     */
    public record SyntheticConfig(
            int classes,
            int alikePairs,
            int lookAlikePairs,
            int trainClips,
            int valClips,
            int testClips,
            double audioNoise,
            double noisyAudioFraction,
            double visualNoise,
            double corruptFrameFraction) {
        public static SyntheticConfig defaults() {
            return new SyntheticConfig(8, 1, 3, 1200, 300, 800, 0.6, 0.2, 1.6, 0.25);
        }
    }

    /**
     * AV-MNIST built from MNIST and the Free Spoken Digit Dataset.
     *
     * @param pcaComponentFraction fraction of the 784 PCA components kept for the images (0.25)
     * @param noiseSnrDb           SNR of the seeded background noise mixed into the audio, in dB
     */
    public record AvMnistConfig(double pcaComponentFraction, double noiseSnrDb) {
        public static AvMnistConfig defaults() {
            return new AvMnistConfig(0.25, 0);
        }
    }
}
