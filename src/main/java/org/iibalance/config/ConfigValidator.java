package org.iibalance.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Range checks of a configuration that need nothing but the values (method names and dataset kinds
 * are checked where they are registered, in {@code experiment.ExperimentValidator}).
 */
public final class ConfigValidator {
    private ConfigValidator() {}

    public static List<ConfigProblem> check(ExperimentConfig c) {
        List<ConfigProblem> p = new ArrayList<>();
        if (c.name() == null || !c.name().matches("[A-Za-z0-9._-]{1,64}")) {
            p.add(new ConfigProblem("name", "must be 1-64 letters, digits, '.', '_' or '-' (it names the run folder)"));
        }
        if (c.threads() < 0) p.add(new ConfigProblem("threads", "must be >= 0 (0: libtorch's default)"));
        MethodConfig m = c.method();
        positive(p, "method.tau", m.tau(), "the budget temperature of Eq. 2 must be > 0");
        positive(p, "method.tauP", m.tauP(), "the prototype temperature of Eq. 4 must be > 0");
        range(p, "method.rho", m.rho(), 0, 1, true, "the EMA momentum of Eq. 3 must be in [0, 1)");
        range(p, "method.lambdaStart", m.lambdaStart(), 0, 1, false, "lambda_start of Eq. 12 must be in [0, 1]");
        if (!(m.gamma() >= 0) || Double.isInfinite(m.gamma())) p.add(new ConfigProblem("method.gamma", "must be >= 0 (Eq. 11)"));
        if (m.budgetMaxEpochs() < 1) p.add(new ConfigProblem("method.budgetMaxEpochs", "must be >= 1"));
        if (m.budgetPatience() < 1) p.add(new ConfigProblem("method.budgetPatience", "must be >= 1"));
        if (m.budgetMinEpochs() < 1) p.add(new ConfigProblem("method.budgetMinEpochs", "must be >= 1 (method.budgetMaxEpochs wins when smaller)"));
        if (!"all".equals(m.unimodalPretraining()) && !"none".equals(m.unimodalPretraining())) {
            p.add(new ConfigProblem("method.unimodalPretraining", "'" + m.unimodalPretraining()
                    + "' is not allowed (allowed: all = every method starts from the same unimodal pre-training, none = no method does)"));
        } else if (!m.warmStart() && "all".equals(m.unimodalPretraining())) {
            p.add(new ConfigProblem("method.warmStart", "false is replaced by method.unimodalPretraining: none (one option for every method); "
                    + "remove method.warmStart or set method.unimodalPretraining=none"));
        }
        if (m.fusionWarmStart() && "none".equals(m.unimodalPretraining())) {
            p.add(new ConfigProblem("method.fusionWarmStart", "needs method.unimodalPretraining: all (there are no pre-trained heads to start f_fuse from)"));
        }
        baselineChecks(p, m);
        TrainingConfig t = c.training();
        if (!"adam".equals(t.optimizer()) && !"sgd".equals(t.optimizer())) {
            p.add(new ConfigProblem("training.optimizer", "'" + t.optimizer() + "' is not an optimiser (allowed: adam, sgd)"));
        }
        positive(p, "training.lr", t.lr(), "the learning rate must be > 0");
        if (!(t.weightDecay() >= 0)) p.add(new ConfigProblem("training.weightDecay", "must be >= 0"));
        if (t.epochs() < 1) p.add(new ConfigProblem("training.epochs", "must be >= 1"));
        if (t.batchSize() < 2) p.add(new ConfigProblem("training.batchSize", "must be >= 2"));
        if (t.patience() < 0) p.add(new ConfigProblem("training.patience", "must be >= 0 (0: never stop early)"));
        if (t.logEvery() < 1) p.add(new ConfigProblem("training.logEvery", "must be >= 1"));
        if (!(t.divergenceFactor() > 1)) p.add(new ConfigProblem("training.divergenceFactor", "must be > 1 (got " + t.divergenceFactor() + ")"));
        ModelConfig mo = c.model();
        if (mo.featureDim() < 2) p.add(new ConfigProblem("model.featureDim", "must be >= 2"));
        if (mo.channels() < 1) p.add(new ConfigProblem("model.channels", "must be >= 1"));
        if (mo.gateHidden() < 1) p.add(new ConfigProblem("model.gateHidden", "must be >= 1"));
        if (mo.poolDim() < 1 || mo.poolDim() > mo.featureDim()) {
            p.add(new ConfigProblem("model.poolDim", "must be between 1 and model.featureDim (" + mo.featureDim() + ")"));
        }
        encoderChecks(p, "model.audio", mo.audio(), ModelConfig.AUDIO_ENCODERS);
        encoderChecks(p, "model.visual", mo.visual(), ModelConfig.VISUAL_ENCODERS);
        DatasetConfig d = c.dataset();
        if (d.maxTrain() < 0) p.add(new ConfigProblem("dataset.maxTrain", "must be >= 0 (0: all)"));
        if (d.maxVal() < 0) p.add(new ConfigProblem("dataset.maxVal", "must be >= 0 (0: all)"));
        if (d.maxTest() < 0) p.add(new ConfigProblem("dataset.maxTest", "must be >= 0 (0: all)"));
        DatasetConfig.AudioConfig a = d.audio();
        if (a.sampleRate() < 1000) p.add(new ConfigProblem("dataset.audio.sampleRate", "must be >= 1000 Hz"));
        positive(p, "dataset.audio.seconds", a.seconds(), "must be > 0");
        positive(p, "dataset.audio.windowMs", a.windowMs(), "must be > 0");
        positive(p, "dataset.audio.hopMs", a.hopMs(), "must be > 0");
        if (a.melBins() < 4) p.add(new ConfigProblem("dataset.audio.melBins", "must be >= 4"));
        DatasetConfig.VisualConfig v = d.visual();
        if (v.frames() < 1) p.add(new ConfigProblem("dataset.visual.frames", "must be >= 1"));
        if (v.size() < 8) p.add(new ConfigProblem("dataset.visual.size", "must be >= 8 pixels"));
        if (!(v.fps() >= 0)) p.add(new ConfigProblem("dataset.visual.fps", "must be >= 0 (0: spread dataset.visual.frames evenly)"));
        if (v.framesPerClip() < 0 || v.framesPerClip() > v.decodedFrames(a.seconds())) {
            p.add(new ConfigProblem("dataset.visual.framesPerClip", "must be between 0 (all frames) and the " + v.decodedFrames(a.seconds())
                    + " frames decoded per clip (dataset.visual.frames, or fps x dataset.audio.seconds)"));
        }
        if (v.augment() == null) {
            p.add(new ConfigProblem("dataset.visual.augment", "must be given (cropFraction, flip)"));
        } else if (!(v.augment().cropFraction() > 0 && v.augment().cropFraction() <= 1)) {
            p.add(new ConfigProblem("dataset.visual.augment.cropFraction", "must be in (0, 1] (1: no crop)"));
        }
        DatasetConfig.SyntheticConfig s = d.synthetic();
        if (s.classes() < 2) p.add(new ConfigProblem("dataset.synthetic.classes", "must be >= 2"));
        if (s.alikePairs() < 0 || 2 * s.alikePairs() > s.classes()) {
            p.add(new ConfigProblem("dataset.synthetic.alikePairs", "must be between 0 and classes/2 (" + s.classes() / 2 + ")"));
        }
        if (s.lookAlikePairs() < 0 || 2 * (s.alikePairs() + s.lookAlikePairs()) > s.classes()) {
            p.add(new ConfigProblem("dataset.synthetic.lookAlikePairs", "must be >= 0 with 2 * (alikePairs + lookAlikePairs) <= classes"));
        }
        if (s.trainClips() < s.classes()) {
            p.add(new ConfigProblem("dataset.synthetic.trainClips", "needs at least one training clip per class (>= classes, " + s.classes() + ")"));
        }
        if (s.valClips() < 1) p.add(new ConfigProblem("dataset.synthetic.valClips", "must be >= 1 (model selection needs a validation split)"));
        if (s.testClips() < 1) p.add(new ConfigProblem("dataset.synthetic.testClips", "must be >= 1 (the final figures need a test split)"));
        range(p, "dataset.synthetic.noisyAudioFraction", s.noisyAudioFraction(), 0, 1, false, "must be in [0, 1]");
        range(p, "dataset.synthetic.corruptFrameFraction", s.corruptFrameFraction(), 0, 1, false, "must be in [0, 1]");
        if (!(s.audioNoise() >= 0)) p.add(new ConfigProblem("dataset.synthetic.audioNoise", "must be >= 0"));
        if (!(s.visualNoise() >= 0)) p.add(new ConfigProblem("dataset.synthetic.visualNoise", "must be >= 0"));
        if (s.modalities() < 2 || s.modalities() > 3) p.add(new ConfigProblem("dataset.synthetic.modalities", "must be 2 (audio, visual) or 3 (audio, visual, sensor)"));
        DatasetConfig.AvMnistConfig av = d.avmnist();
        range(p, "dataset.avmnist.pcaComponentFraction", av.pcaComponentFraction(), 0, 1, false,
                "must be in [0, 1] (0: keep dataset.avmnist.keepEnergy of the PCA variance instead, the default)");
        if (!(av.keepEnergy() > 0 && av.keepEnergy() <= 1)) {
            p.add(new ConfigProblem("dataset.avmnist.keepEnergy", "must be in (0, 1]: the fraction of the PCA variance the images keep (0.25: 75% of the energy removed; got " + av.keepEnergy() + ")"));
        }
        if (!Double.isFinite(av.noiseSnrDb())) p.add(new ConfigProblem("dataset.avmnist.noiseSnrDb", "must be a finite SNR in dB"));
        if (av.sampleRate() != 0 && av.sampleRate() < 1000) {
            p.add(new ConfigProblem("dataset.avmnist.sampleRate", "must be 0 (FSDD's native 8000 Hz) or >= 1000 Hz"));
        }
        DatasetConfig.AvMnistAugmentConfig au = av.augment();
        if (au == null) {
            p.add(new ConfigProblem("dataset.avmnist.augment", "must be a mapping of the augmentation keys"));
        } else {
            if (!(au.snrJitterDb() >= 0 && Double.isFinite(au.snrJitterDb()))) p.add(new ConfigProblem("dataset.avmnist.augment.snrJitterDb", "must be a finite number >= 0 (dB)"));
            range(p, "dataset.avmnist.augment.maxShiftSeconds", au.maxShiftSeconds(), 0, 1, false, "must be in [0, 1] (seconds of the 1 s window)");
            if (au.timeMasks() < 0) p.add(new ConfigProblem("dataset.avmnist.augment.timeMasks", "must be >= 0"));
            if (au.timeMaskFrames() < 0) p.add(new ConfigProblem("dataset.avmnist.augment.timeMaskFrames", "must be >= 0"));
            if (au.freqMasks() < 0) p.add(new ConfigProblem("dataset.avmnist.augment.freqMasks", "must be >= 0"));
            if (au.freqMaskBins() < 0) p.add(new ConfigProblem("dataset.avmnist.augment.freqMaskBins", "must be >= 0"));
        }
        MediaConfig me = d.media();
        if (!java.util.Set.of("speaker", "lists", "stratified").contains(me.split())) {
            p.add(new ConfigProblem("dataset.media.split", "'" + me.split() + "' is not a split (allowed: speaker, lists, stratified)"));
        }
        range(p, "dataset.media.valFraction", me.valFraction(), 0, 1, true, "must be in [0, 1)");
        range(p, "dataset.media.testFraction", me.testFraction(), 0, 1, true, "must be in [0, 1)");
        if (!(me.valFraction() + me.testFraction() < 1)) p.add(new ConfigProblem("dataset.media.testFraction", "valFraction + testFraction must be < 1"));
        if (me.minClips() < 1) p.add(new ConfigProblem("dataset.media.minClips", "must be >= 1"));
        if (!"tile".equals(me.shortAudio()) && !"pad".equals(me.shortAudio())) {
            p.add(new ConfigProblem("dataset.media.shortAudio", "'" + me.shortAudio() + "' is not allowed (allowed: tile, pad)"));
        }
        if (me.threads() < 0) p.add(new ConfigProblem("dataset.media.threads", "must be >= 0 (0: one per core, at most 4)"));
        if (c.output().runsDir() == null || c.output().runsDir().isBlank()) p.add(new ConfigProblem("output.runsDir", "must name a folder"));
        return p;
    }

    private static void positive(List<ConfigProblem> p, String key, double v, String msg) {
        if (!(v > 0) || Double.isInfinite(v)) p.add(new ConfigProblem(key, msg + " (got " + v + ")"));
    }

    private static void range(List<ConfigProblem> p, String key, double v, double lo, double hi, boolean openHi, String msg) {
        boolean ok = v >= lo && (openHi ? v < hi : v <= hi);
        if (!ok) p.add(new ConfigProblem(key, msg + " (got " + v + ")"));
    }

    private static void encoderChecks(List<ConfigProblem> p, String key, ModelConfig.EncoderConfig e, List<String> allowed) {
        if (e == null) {
            p.add(new ConfigProblem(key, "is missing"));
            return;
        }
        if (!allowed.contains(e.encoder())) {
            p.add(new ConfigProblem(key + ".encoder", "'" + e.encoder() + "' is not an encoder of this modality (allowed: " + String.join(", ", allowed) + ")"));
        }
        if (!(e.width() > 0) || e.width() > 4) p.add(new ConfigProblem(key + ".width", "the width multiplier must be in (0, 4] (got " + e.width() + ")"));
        if (e.hidden() < 0) p.add(new ConfigProblem(key + ".hidden", "must be >= 0 (0: model.featureDim)"));
        if (e.layers() < 1 || e.layers() > 8) p.add(new ConfigProblem(key + ".layers", "must be between 1 and 8"));
    }

    /** Ranges of the baselines' hyper-parameters (OGM-GE, PMR, MMPareto, G-Blending, AGM, MSLR, Greedy, GGDM). */
    private static void baselineChecks(List<ConfigProblem> p, MethodConfig m) {
        if (!(m.ogmAlpha() >= 0) || Double.isInfinite(m.ogmAlpha())) p.add(new ConfigProblem("method.ogmAlpha", "must be >= 0"));
        if (m.modulationStart() < 0) p.add(new ConfigProblem("method.modulationStart", "must be >= 0"));
        if (m.modulationEnd() != -1 && m.modulationEnd() < m.modulationStart()) {
            p.add(new ConfigProblem("method.modulationEnd", "must be >= method.modulationStart, or -1 (half of training.epochs)"));
        }
        if (!(m.pmrAlpha() >= 0) || Double.isInfinite(m.pmrAlpha())) p.add(new ConfigProblem("method.pmrAlpha", "must be >= 0"));
        range(p, "method.pmrMomentum", m.pmrMomentum(), 0, 1, true, "the prototype momentum must be in [0, 1)");
        if (m.pmrEntropyEpochs() < -1) p.add(new ConfigProblem("method.pmrEntropyEpochs", "must be >= 0, or -1 (30% of training.epochs)"));
        if (!(m.mmparetoGamma() >= 1) || Double.isInfinite(m.mmparetoGamma())) p.add(new ConfigProblem("method.mmparetoGamma", "must be >= 1 (MMPareto enlarges, never shrinks)"));
        if (m.superEpoch() < 1 && m.superEpoch() != -1) p.add(new ConfigProblem("method.superEpoch", "must be >= 1, or -1 (a third of training.epochs)"));
        if (!(m.agmAlpha() >= 0) || Double.isInfinite(m.agmAlpha())) p.add(new ConfigProblem("method.agmAlpha", "must be >= 0"));
        if (m.mslrHistory() < 1) p.add(new ConfigProblem("method.mslrHistory", "must be >= 1"));
        if (!(m.greedyThreshold() >= 0) || Double.isInfinite(m.greedyThreshold())) p.add(new ConfigProblem("method.greedyThreshold", "must be >= 0"));
        if (m.greedyWindow() < 1) p.add(new ConfigProblem("method.greedyWindow", "must be >= 1"));
        if (!(m.ggdmAlpha() >= 0) || m.ggdmAlpha() > 4) p.add(new ConfigProblem("method.ggdmAlpha", "must be in [0, 4]"));
        if (!(m.ggdmJsWeight() >= 0) || Double.isInfinite(m.ggdmJsWeight())) p.add(new ConfigProblem("method.ggdmJsWeight", "must be >= 0"));
    }
}
