package org.iibalance.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The final figures of a run ({@code results.json}), typed. A figure a method does not have is null
 * (joint training has no budget and no fusion weights); per-modality figures are keyed by modality
 * name in the dataset's order, for any number of modalities. {@link ResultsJson} writes and reads the
 * file (nested JSON, the keys of DESIGN.md).
 *
 * @param method                  {@code method}
 * @param dataset                 {@code dataset}
 * @param seed                    {@code seed}
 * @param name                    {@code name} (the run name; sweep runs end in {@link RunNaming#SENSITIVITY_SUFFIX})
 * @param test                    the {@code test} block
 * @param valAccMultimodal        {@code val.accMultimodal}: validation Acc_m of the selected epoch
 * @param valBestEpoch            {@code val.bestEpoch}
 * @param budget                  the {@code budget} block (its figures null when the method has no budget)
 * @param fusionWeightMean        {@code fusionWeightMean.<m>} (test)
 * @param fusionWeightMeanBySplit {@code fusionWeightMeanBySplit.<split>.<m>} for train, val, test
 * @param trainSeconds            {@code trainSeconds}
 * @param device                  {@code device} the run trained on
 * @param epochs                  {@code epochs}: epochs done when the selected checkpoint was written
 * @param dataFingerprint         {@code dataFingerprint}
 * @param recordedCapabilities    {@code capabilities} as recorded (null in runs written before it existed; see {@link #capabilities()})
 * @param provenance              {@code provenance}: versions, commit, machine, command line, times, data fingerprint (null in runs written before it existed)
 * @param pretraining             the {@code pretraining} block: the unimodal models the run started from
 *                                ({@link Pretraining#EMPTY} in runs written before it existed)
 */
public record Results(String method, String dataset, Long seed, String name, Test test, Double valAccMultimodal, Integer valBestEpoch,
        Budget budget, Map<String, Double> fusionWeightMean, Map<String, Map<String, Double>> fusionWeightMeanBySplit, Double trainSeconds,
        String device, Integer epochs, String dataFingerprint, Capabilities recordedCapabilities, Pretraining pretraining,
        Provenance provenance) {

    /** The splits of {@code fusionWeightMeanBySplit}, in file order. */
    public static final List<String> SPLITS = List.of("train", "val", "test");

    public Results {
        test = test == null ? Test.EMPTY : test;
        budget = budget == null ? Budget.EMPTY : budget;
        pretraining = pretraining == null ? Pretraining.EMPTY : pretraining;
        fusionWeightMean = frozen(fusionWeightMean);
        Map<String, Map<String, Double>> bySplit = new LinkedHashMap<>();
        if (fusionWeightMeanBySplit != null) fusionWeightMeanBySplit.forEach((k, v) -> bySplit.put(k, frozen(v)));
        fusionWeightMeanBySplit = Collections.unmodifiableMap(bySplit);
    }

    /**
     * The {@code test} block.
     *
     * @param accMultimodal    {@code test.accMultimodal} (Acc_m)
     * @param accByModality    {@code test.acc.<m>}
     * @param accAudio         {@code test.accAudio} (kept for readers of DESIGN.md's keys)
     * @param accVisual        {@code test.accVisual}
     * @param accAvg           {@code test.accAvg}: mean of Acc_m and every modality's accuracy (Table I's Avg)
     * @param unimodalProtocol {@code test.unimodalProtocol}: how the method measures a modality's accuracy
     * @param clips            {@code test.clips}
     */
    public record Test(Double accMultimodal, Map<String, Double> accByModality, Double accAudio, Double accVisual, Double accAvg,
            String unimodalProtocol, Integer clips) {
        static final Test EMPTY = new Test(null, null, null, null, null, null, null);

        public Test {
            accByModality = frozen(accByModality);
        }
    }

    /**
     * The {@code budget} block (Eq. 1-2).
     *
     * @param entropyScore {@code budget.entropyScore.<m>} (B_m)
     * @param beta         {@code budget.beta.<m>} (the IIB prior)
     * @param anchor       {@code budget.anchor} (m*)
     * @param tau          {@code budget.tau}: the temperature of beta = softmax(B / tau) (Eq. 2); null in
     *                     runs written before it was recorded
     */
    public record Budget(Map<String, Double> entropyScore, Map<String, Double> beta, String anchor, Double tau) {
        static final Budget EMPTY = new Budget(null, null, null, null);

        public Budget {
            entropyScore = frozen(entropyScore);
            beta = frozen(beta);
        }

        /** Whether the run estimated a budget (some beta_m is known). */
        public boolean present() {
            return beta.values().stream().anyMatch(v -> v != null);
        }
    }

    /**
     * The {@code pretraining} block: whether every method started from the same unimodal pre-training
     * ({@code method.unimodalPretraining}), and how each modality's model trained (IIBalance: its budget
     * models; a baseline: its pre-training; none when the run started cold).
     *
     * @param mode            {@code pretraining.mode}: {@code all} or {@code none} (null: not recorded)
     * @param fusionWarmStart {@code pretraining.fusionWarmStart}: whether f_fuse started from the heads
     * @param models          {@code pretraining.<m>}, per modality in the dataset's order
     */
    public record Pretraining(String mode, Boolean fusionWarmStart, Map<String, Curve> models) {
        static final Pretraining EMPTY = new Pretraining(null, null, null);

        public Pretraining {
            models = models == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(models));
        }

        /** Whether the run recorded the block at all (runs written before it existed did not). */
        public boolean present() {
            return mode != null || fusionWarmStart != null || !models.isEmpty();
        }
    }

    /**
     * How one modality's unimodal model trained ({@code pretraining.<m>.*}).
     *
     * @param epochs    {@code epochs} trained
     * @param bestEpoch {@code bestEpoch}: 1-based epoch of the kept weights (lowest validation loss)
     * @param valLoss   {@code valLoss}: validation cross-entropy of the kept weights
     * @param valAcc    {@code valAcc}: validation accuracy of the kept weights
     * @param converged {@code converged}: true when the patience rule stopped it, false when the cap did
     */
    public record Curve(Integer epochs, Integer bestEpoch, Double valLoss, Double valAcc, Boolean converged) {}

    static Map<String, Double> frozen(Map<String, Double> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** A value or NaN (for arithmetic and printing). */
    public static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    /** The modalities of the run, in the dataset's order (from whichever per-modality block it has). */
    public List<String> modalities() {
        Set<String> m = new LinkedHashSet<>(test.accByModality().keySet());
        if (m.isEmpty()) m.addAll(budget.beta().keySet());
        if (m.isEmpty()) m.addAll(fusionWeightMean.keySet());
        if (m.isEmpty()) {
            if (test.accAudio() != null) m.add("audio");
            if (test.accVisual() != null) m.add("visual");
        }
        return List.copyOf(new ArrayList<>(m));
    }

    /** Test Acc_m, NaN when absent. */
    public double accMultimodal() {
        return orNaN(test.accMultimodal());
    }

    /** Test accuracy of one modality (the method's unimodal protocol), NaN when the run has none. */
    public double accuracy(String modality) {
        Double v = test.accByModality().get(modality);
        if (v == null && !test.accByModality().containsKey(modality)) {
            // runs written before test.acc.<m> existed name only audio and visual
            if ("audio".equals(modality)) v = test.accAudio();
            else if ("visual".equals(modality)) v = test.accVisual();
        }
        return orNaN(v);
    }

    /** Table I's Avg, NaN when absent. */
    public double accAvg() {
        return orNaN(test.accAvg());
    }

    /** Validation Acc_m of the selected epoch, NaN when absent. */
    public double valAccuracy() {
        return orNaN(valAccMultimodal);
    }

    /** The prior beta_m per modality, empty when the method has no budget. */
    public Map<String, Double> prior() {
        return budget.present() ? budget.beta() : Map.of();
    }

    /** Mean fusion weights per modality on one split (train, val, test); empty when the method has none. */
    public Map<String, Double> weightMean(String split) {
        Map<String, Double> w = fusionWeightMeanBySplit.getOrDefault(split, Map.of());
        if (w.isEmpty() && "test".equals(split)) w = fusionWeightMean;
        return w.values().stream().anyMatch(v -> v != null) ? w : Map.of();
    }

    /**
     * What the method has: as recorded, or for runs written before {@code capabilities} existed,
     * inferred from the figures present (a budget means IIBalance or an ablation: prior, lambda(t),
     * Stage I/II losses and unimodal heads; fusion weights when some split has them).
     */
    public Capabilities capabilities() {
        if (recordedCapabilities != null) return recordedCapabilities;
        boolean b = budget.present();
        boolean w = SPLITS.stream().anyMatch(s -> !weightMean(s).isEmpty());
        return new Capabilities(b, b, b, w, b);
    }

    /** A builder for the writer and for tests. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the figures of a run, then {@link #build()}. Unset figures are null. */
    public static final class Builder {
        private String method, dataset, name, unimodalProtocol, anchor, device, dataFingerprint, pretrainingMode;
        private Double tau;
        private Boolean fusionWarmStart;
        private final Map<String, Curve> pretrained = new LinkedHashMap<>();
        private Long seed;
        private Double accMultimodal, accAudio, accVisual, accAvg, valAcc, trainSeconds;
        private Integer clips, bestEpoch, epochs;
        private final Map<String, Double> acc = new LinkedHashMap<>(), scores = new LinkedHashMap<>(), beta = new LinkedHashMap<>(),
                weights = new LinkedHashMap<>();
        private final Map<String, Map<String, Double>> bySplit = new LinkedHashMap<>();
        private Capabilities capabilities;
        private Provenance provenance;

        private Builder() {}

        private static Double finite(double v) {
            return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
        }

        public Builder run(String method, String dataset, long seed, String name) {
            this.method = method;
            this.dataset = dataset;
            this.seed = seed;
            this.name = name;
            return this;
        }

        /** Acc_m on test (NaN: null). */
        public Builder accMultimodal(double v) {
            accMultimodal = finite(v);
            return this;
        }

        /** A modality's test accuracy (NaN: null); audio and visual also fill DESIGN.md's {@code accAudio} / {@code accVisual}. */
        public Builder accuracy(String modality, double v) {
            acc.put(modality, finite(v));
            return this;
        }

        public Builder accAudioVisual(double audio, double visual) {
            accAudio = finite(audio);
            accVisual = finite(visual);
            return this;
        }

        public Builder accAvg(double v) {
            accAvg = finite(v);
            return this;
        }

        public Builder unimodalProtocol(String p) {
            unimodalProtocol = p;
            return this;
        }

        public Builder testClips(int n) {
            clips = n;
            return this;
        }

        public Builder validation(double accMultimodal, int bestEpoch) {
            valAcc = finite(accMultimodal);
            this.bestEpoch = bestEpoch;
            return this;
        }

        /** B_m and beta_m of one modality (null: the method has no budget). */
        public Builder budget(String modality, Double score, Double prior) {
            scores.put(modality, score == null ? null : finite(score));
            beta.put(modality, prior == null ? null : finite(prior));
            return this;
        }

        public Builder anchor(String m) {
            anchor = m;
            return this;
        }

        /** The budget softmax temperature tau (Eq. 2; null: the method has no budget). */
        public Builder tau(Double t) {
            tau = t == null ? null : finite(t);
            return this;
        }

        /** {@code method.unimodalPretraining} and {@code method.fusionWarmStart} of the run. */
        public Builder pretraining(String mode, boolean fusionWarmStart) {
            pretrainingMode = mode;
            this.fusionWarmStart = fusionWarmStart;
            return this;
        }

        /** How one modality's unimodal model trained (non-finite figures: null). */
        public Builder pretrained(String modality, int epochs, int bestEpoch, double valLoss, double valAcc, boolean converged) {
            pretrained.put(modality, new Curve(epochs, bestEpoch, finite(valLoss), finite(valAcc), converged));
            return this;
        }

        /** Mean test fusion weight of a modality ({@code fusionWeightMean.<m>}; null: none). */
        public Builder weightMean(String modality, Double w) {
            weights.put(modality, w == null ? null : finite(w));
            return this;
        }

        /** Mean fusion weight of a modality on a split (null: none). */
        public Builder weightMean(String split, String modality, Double w) {
            bySplit.computeIfAbsent(split, k -> new LinkedHashMap<>()).put(modality, w == null ? null : finite(w));
            return this;
        }

        public Builder trainSeconds(double s) {
            trainSeconds = finite(s);
            return this;
        }

        public Builder device(String d) {
            device = d;
            return this;
        }

        public Builder epochs(int e) {
            epochs = e;
            return this;
        }

        public Builder dataFingerprint(String f) {
            dataFingerprint = f;
            return this;
        }

        public Builder capabilities(Capabilities c) {
            capabilities = c;
            return this;
        }

        public Builder provenance(Provenance p) {
            provenance = p;
            return this;
        }

        public Results build() {
            Test t = new Test(accMultimodal, acc, accAudio, accVisual, accAvg, unimodalProtocol, clips);
            return new Results(method, dataset, seed, name, t, valAcc, bestEpoch, new Budget(scores, beta, anchor, tau), weights, bySplit, trainSeconds,
                    device, epochs, dataFingerprint, capabilities, new Pretraining(pretrainingMode, fusionWarmStart, pretrained), provenance);
        }
    }
}
