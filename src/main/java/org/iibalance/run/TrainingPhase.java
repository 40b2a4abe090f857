package org.iibalance.run;

import java.util.Objects;

/**
 * A phase of a run: loading the data, resuming, a budget model of one modality (Eq. 1), the unimodal
 * pre-training of one modality (a baseline's start with {@code method.unimodalPretraining: all}), the
 * multimodal training, the final test. Written as text only at the edges ({@link #label()}:
 * {@code data}, {@code resume}, {@code budget:<modality>}, {@code pretrain:<modality>}, {@code train},
 * {@code test}), as the console and {@code metrics.csv} have always shown it.
 *
 * @param kind     what the phase is
 * @param modality the unimodal model's modality (BUDGET and PRETRAIN only, else null)
 */
public record TrainingPhase(Kind kind, String modality) {
    /** The kinds of phase. */
    public enum Kind { DATA, RESUME, BUDGET, PRETRAIN, TRAIN, TEST }

    public static final TrainingPhase DATA = new TrainingPhase(Kind.DATA, null);
    public static final TrainingPhase RESUME = new TrainingPhase(Kind.RESUME, null);
    public static final TrainingPhase TRAIN = new TrainingPhase(Kind.TRAIN, null);
    public static final TrainingPhase TEST = new TrainingPhase(Kind.TEST, null);

    private static final String BUDGET_PREFIX = "budget:";
    private static final String PRETRAIN_PREFIX = "pretrain:";

    public TrainingPhase {
        Objects.requireNonNull(kind, "kind");
        if (unimodal(kind) != (modality != null)) throw new IllegalArgumentException("a modality belongs to budget and pretrain phases only");
    }

    /** The budget model phase of {@code modality}. */
    public static TrainingPhase budget(String modality) {
        return new TrainingPhase(Kind.BUDGET, Objects.requireNonNull(modality, "modality"));
    }

    /** The unimodal pre-training phase of {@code modality} (the same training as a budget model, for a baseline). */
    public static TrainingPhase pretrain(String modality) {
        return new TrainingPhase(Kind.PRETRAIN, Objects.requireNonNull(modality, "modality"));
    }

    private static boolean unimodal(Kind k) {
        return k == Kind.BUDGET || k == Kind.PRETRAIN;
    }

    /** Whether this is a unimodal model's phase (a budget model or a baseline's pre-training). */
    public boolean isUnimodal() {
        return unimodal(kind);
    }

    /** Whether this is a budget model's phase. */
    public boolean isBudget() {
        return kind == Kind.BUDGET;
    }

    /** The text shown and written: {@code budget:<modality>}, {@code pretrain:<modality>} or the kind in lower case. */
    public String label() {
        if (kind == Kind.BUDGET) return BUDGET_PREFIX + modality;
        if (kind == Kind.PRETRAIN) return PRETRAIN_PREFIX + modality;
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The phase of a label; null when the text is no phase. */
    public static TrainingPhase ofLabel(String label) {
        if (label == null) return null;
        if (label.startsWith(BUDGET_PREFIX) && label.length() > BUDGET_PREFIX.length()) return budget(label.substring(BUDGET_PREFIX.length()));
        if (label.startsWith(PRETRAIN_PREFIX) && label.length() > PRETRAIN_PREFIX.length()) return pretrain(label.substring(PRETRAIN_PREFIX.length()));
        for (Kind k : Kind.values()) if (!unimodal(k) && k.name().equalsIgnoreCase(label)) return new TrainingPhase(k, null);
        return null;
    }

    @Override
    public String toString() {
        return label();
    }
}
