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
        @ConfigDoc(value = "dataset kind: synthetic-av (embedded), avmnist, clips, cremad, ave, kinetics-sounds (see: iibalance datasets)")
        String kind,
        @ConfigDoc("folder of the data on disk (unused by synthetic-av)")
        String root,
        @ConfigDoc(value = "at most this many training clips (0: all)", min = 0)
        int maxTrain,
        @ConfigDoc(value = "at most this many validation clips (0: all)", min = 0)
        int maxVal,
        @ConfigDoc(value = "at most this many test clips (0: all)", min = 0)
        int maxTest,
        @ConfigDoc("how audio becomes a log-Mel spectrogram")
        AudioConfig audio,
        @ConfigDoc("how frames are prepared")
        VisualConfig visual,
        @ConfigDoc("the embedded synthetic-av generator")
        SyntheticConfig synthetic,
        @ConfigDoc("the AV-MNIST builder")
        AvMnistConfig avmnist,
        @ConfigDoc("folder of the decoded-feature cache (empty: ~/.cache/iibalance)")
        String cacheDir,
        @ConfigDoc("the loaders of real audio-visual layouts")
        MediaConfig media) {

    public static DatasetConfig defaults() {
        return new DatasetConfig("synthetic-av", "", 0, 0, 0, AudioConfig.defaults(), VisualConfig.defaults(),
                SyntheticConfig.defaults(), AvMnistConfig.defaults(), "", MediaConfig.defaults());
    }

    /**
     * Audio preprocessing: resampled to {@code sampleRate} mono, cut/padded/tiled to {@code seconds},
     * log-Mel with a {@code windowMs} window and {@code hopMs} hop (the paper: 16 kHz, 25 ms, 10 ms).
     */
    public record AudioConfig(
            @ConfigDoc(value = "audio is resampled to this rate, mono, in Hz (the paper: 16 kHz)", min = 1000)
            int sampleRate,
            @ConfigDoc(value = "audio is cut, padded or tiled to this length, in seconds", min = 0, minExclusive = true)
            double seconds,
            @ConfigDoc(value = "log-Mel window length in ms (the paper: 25)", min = 0, minExclusive = true)
            double windowMs,
            @ConfigDoc(value = "log-Mel hop in ms (the paper: 10)", min = 0, minExclusive = true)
            double hopMs,
            @ConfigDoc(value = "number of Mel bins", min = 4)
            int melBins) {
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
    public record VisualConfig(
            @ConfigDoc(value = "frames spread evenly over the clip (used when fps is 0)", min = 1)
            int frames,
            @ConfigDoc(value = "frames sampled at this rate when above 0 (the paper: 16)", min = 0)
            double fps,
            @ConfigDoc(value = "frames are resized to size x size pixels", min = 8)
            int size,
            @ConfigDoc(value = "frames the model sees per clip: in training k distinct frames drawn afresh each epoch (seeded), in "
                    + "evaluation k evenly spaced ones; 0: every decoded frame", min = 0)
            int framesPerClip,
            @ConfigDoc("training augmentation of the frames (off by default; validation and test never see it)")
            AugmentConfig augment) {
        public static VisualConfig defaults() {
            return new VisualConfig(3, 0, 24, 0, AugmentConfig.defaults());
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
     * Training augmentation of the frames, as the audio-visual balancing peers do it (torchvision's
     * Resize + RandomCrop and RandomHorizontalFlip in training only): one random crop and flip per clip
     * and epoch, seeded by (seed, epoch, clip id), shared by the clip's frames (see
     * {@code data.FrameAugmentation}). Validation, test, the budget estimates and the gating inspector
     * see the frames as decoded.
     *
     * @param cropFraction each frame is resized to size / cropFraction and a size x size window is cut at
     *                     a random place (the peers' Resize(256) + RandomCrop(224) is 0.875); 1: no crop
     * @param flip         mirror half of the clips left to right
     */
    public record AugmentConfig(
            @ConfigDoc(value = "frames are resized (bilinear) to size / cropFraction and a size x size window is cut at a random place, "
                    + "in training only (the peers' Resize(256) + RandomCrop(224) is 0.875); 1: no crop", min = 0, max = 1, minExclusive = true)
            double cropFraction,
            @ConfigDoc("mirror the frames of half of the clips left to right, in training only (drawn per clip and epoch, seeded)")
            boolean flip) {
        public static AugmentConfig defaults() {
            return new AugmentConfig(1.0, false);
        }

        /** Whether training frames are changed at all. */
        public boolean active() {
            return cropFraction < 1 || flip;
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
     * @param modalities          2 (audio, visual) or 3 (audio, visual and a 1-D sensor signal, {@code SyntheticSensor})
     */
    public record SyntheticConfig(
            @ConfigDoc(value = "number of classes", min = 2)
            int classes,
            @ConfigDoc(value = "pairs of classes that share one sound (audio cannot tell them apart)", min = 0, range = "<= classes / 2")
            int alikePairs,
            @ConfigDoc(value = "further pairs of classes that share one look (vision cannot tell them apart)", min = 0,
                    range = "2 * (alikePairs + lookAlikePairs) <= classes")
            int lookAlikePairs,
            @ConfigDoc(value = "training clips", min = 1, range = ">= classes")
            int trainClips,
            @ConfigDoc(value = "validation clips", min = 1)
            int valClips,
            @ConfigDoc(value = "test clips", min = 1)
            int testClips,
            @ConfigDoc(value = "std of background noise relative to the tone (all clips)", min = 0)
            double audioNoise,
            @ConfigDoc(value = "fraction of clips whose audio is drowned in noise", min = 0, max = 1)
            double noisyAudioFraction,
            @ConfigDoc(value = "std of pixel noise (all clips)", min = 0)
            double visualNoise,
            @ConfigDoc(value = "fraction of clips with dark or occluded frames", min = 0, max = 1)
            double corruptFrameFraction,
            @ConfigDoc(value = "modalities generated: 2 (audio, visual) or 3 (audio, visual and a 1-D sensor signal with its own class evidence and reliability)", min = 2, max = 3)
            int modalities) {
        public static SyntheticConfig defaults() {
            return new SyntheticConfig(8, 1, 3, 1200, 300, 800, 0.6, 0.2, 1.6, 0.25, 2);
        }
    }

    /**
     * AV-MNIST built from MNIST and the Free Spoken Digit Dataset.
     *
     * @param pcaComponentFraction legacy: when above 0, keep this fraction of the 784 PCA components
     *                             instead of {@code keepEnergy} (0.25 keeps 196 components, 96.5% of
     *                             the variance: the images are barely degraded); 0 (default): use
     *                             {@code keepEnergy}
     * @param noiseSnrDb           SNR in dB of the seeded white noise mixed into each recording,
     *                             relative to the recording's RMS (0: noise as loud as the speech)
     * @param keepEnergy           fraction of the PCA variance ("energy") the images keep: the fewest
     *                             leading components whose eigenvalues reach it (0.25: "75% of the
     *                             energy removed", about 4 components on MNIST)
     * @param sampleRate           rate the recordings are used at, in Hz; 0 (default): FSDD's native
     *                             8000 Hz, no resampling ({@code dataset.audio.sampleRate} is not used
     *                             by AV-MNIST)
     */
    public record AvMnistConfig(
            @ConfigDoc(value = "legacy: above 0, keep this fraction of the 784 PCA components instead of dataset.avmnist.keepEnergy "
                    + "(0.25 keeps 196 components, 96.5% of the variance: the images are barely degraded); 0: use keepEnergy", min = 0, max = 1)
            double pcaComponentFraction,
            @ConfigDoc("SNR in dB of the seeded white noise mixed into each recording, relative to its RMS (0: noise as loud as the speech)")
            double noiseSnrDb,
            @ConfigDoc(value = "fraction of the PCA variance (energy) the images keep: the fewest leading components reaching it "
                    + "(0.25: the benchmark's \"75% of the energy removed\", about 4 components on MNIST)", min = 0, max = 1, minExclusive = true)
            double keepEnergy,
            @ConfigDoc(value = "rate the recordings are used at, in Hz; 0: FSDD's native 8000 Hz, no resampling "
                    + "(dataset.audio.sampleRate is not used by AV-MNIST)", min = 0, range = "0 or >= 1000")
            int sampleRate,
            AvMnistAugmentConfig augment) {
        /** Without training augmentation. */
        public AvMnistConfig(double pcaComponentFraction, double noiseSnrDb, double keepEnergy, int sampleRate) {
            this(pcaComponentFraction, noiseSnrDb, keepEnergy, sampleRate, AvMnistAugmentConfig.defaults());
        }

        public static AvMnistConfig defaults() {
            return new AvMnistConfig(0, 0, 0.25, 0);
        }
    }

    /**
     * Training augmentation of AV-MNIST's audio, drawn afresh for every training clip in every epoch and
     * seeded by (seed, clip, epoch), the same for every method (it is data, not a method): new white noise
     * at {@code dataset.avmnist.noiseSnrDb} (plus a random SNR offset), a random delay of the recording in
     * its window, and SpecAugment-style time and frequency masks on the log-Mel spectrogram. Validation,
     * test, the budget estimates and the gating inspector see the clips as built (one fixed noise draw).
     * Why: with one fixed noise draw per clip the three training speakers' 1500 recordings are fitted
     * almost perfectly (audio head 0.92 on the training clips, 0.50 on the unseen validation speaker), so
     * the training split, where the fusion is learnt, overstates audio's reliability.
     *
     * @param freshNoise     draw new noise for each training clip in each epoch (false: the clip's fixed noise)
     * @param snrJitterDb    the speech is scaled by a random gain of +-snrJitterDb dB before the noise is added
     *                       (the noise keeps the level of the recording as read), so the SNR varies by that much
     * @param maxShiftSeconds the recording is delayed by a random 0..maxShiftSeconds inside its fixed window (cut at the end)
     * @param timeMasks      number of time masks (each: up to timeMaskFrames consecutive frames set to the clip's mean)
     * @param timeMaskFrames widest time mask, in frames
     * @param freqMasks      number of frequency masks (each: up to freqMaskBins consecutive mel bins set to the clip's mean)
     * @param freqMaskBins   widest frequency mask, in mel bins
     */
    public record AvMnistAugmentConfig(
            @ConfigDoc("training clips: draw new white noise (at dataset.avmnist.noiseSnrDb) for each clip in each epoch instead of "
                    + "the clip's one fixed draw; validation and test keep their fixed noise")
            boolean freshNoise,
            @ConfigDoc(value = "training clips: scale the speech by a random gain of +-snrJitterDb dB before the noise is added "
                    + "(so the SNR varies by that much); 0: off", min = 0)
            double snrJitterDb,
            @ConfigDoc(value = "training clips: delay the recording by a random 0..maxShiftSeconds inside its 1 s window "
                    + "(the end is cut); 0: off", min = 0, max = 1)
            double maxShiftSeconds,
            @ConfigDoc(value = "training clips: number of SpecAugment time masks (consecutive frames set to the clip's mean log-Mel value)",
                    min = 0)
            int timeMasks,
            @ConfigDoc(value = "widest time mask, in spectrogram frames (10 ms each)", min = 0)
            int timeMaskFrames,
            @ConfigDoc(value = "training clips: number of SpecAugment frequency masks (consecutive mel bins set to the clip's mean)", min = 0)
            int freqMasks,
            @ConfigDoc(value = "widest frequency mask, in mel bins", min = 0)
            int freqMaskBins) {
        public static AvMnistAugmentConfig defaults() {
            return new AvMnistAugmentConfig(false, 0, 0, 0, 0, 0, 0);
        }

        /** Whether SpecAugment time masks are drawn (a count and a width, both above 0). */
        public boolean timeMasking() {
            return timeMasks > 0 && timeMaskFrames > 0;
        }

        /** Whether SpecAugment frequency masks are drawn (a count and a width, both above 0). */
        public boolean freqMasking() {
            return freqMasks > 0 && freqMaskBins > 0;
        }

        /** Whether training clips differ from the clips as built. */
        public boolean active() {
            return freshNoise || snrJitterDb > 0 || maxShiftSeconds > 0 || timeMasking() || freqMasking();
        }
    }
}
