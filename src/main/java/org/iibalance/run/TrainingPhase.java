package org.iibalance.run;

import java.util.Objects;

/**
 * A phase of a run: loading the data, resuming, a budget model of one modality (Eq. 1), the
 * multimodal training, the final test. Written as text only at the edges ({@link #label()}:
 * {@code data}, {@code resume}, {@code budget:<modality>}, {@code train}, {@code test}), as the
 * console and {@code metrics.csv} have always shown it.
 *
 * @param kind     what the phase is
 * @param modality the budget model's modality (BUDGET only, else null)
 */
public record TrainingPhase(Kind kind, String modality) {
    /** The kinds of phase. */
    public enum Kind { DATA, RESUME, BUDGET, TRAIN, TEST }

    public static final TrainingPhase DATA = new TrainingPhase(Kind.DATA, null);
    public static final TrainingPhase RESUME = new TrainingPhase(Kind.RESUME, null);
    public static final TrainingPhase TRAIN = new TrainingPhase(Kind.TRAIN, null);
    public static final TrainingPhase TEST = new TrainingPhase(Kind.TEST, null);

    private static final String BUDGET_PREFIX = "budget:";

    public TrainingPhase {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.BUDGET) != (modality != null)) throw new IllegalArgumentException("a modality belongs to budget phases only");
    }

    /** The budget model phase of {@code modality}. */
    public static TrainingPhase budget(String modality) {
        return new TrainingPhase(Kind.BUDGET, Objects.requireNonNull(modality, "modality"));
    }

    /** Whether this is a budget model's phase. */
    public boolean isBudget() {
        return kind == Kind.BUDGET;
    }

    /** The text shown and written: {@code budget:<modality>} or the kind in lower case. */
    public String label() {
        return kind == Kind.BUDGET ? BUDGET_PREFIX + modality : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The phase of a label; null when the text is no phase. */
    public static TrainingPhase ofLabel(String label) {
        if (label == null) return null;
        if (label.startsWith(BUDGET_PREFIX) && label.length() > BUDGET_PREFIX.length()) return budget(label.substring(BUDGET_PREFIX.length()));
        for (Kind k : Kind.values()) if (k != Kind.BUDGET && k.name().equalsIgnoreCase(label)) return new TrainingPhase(k, null);
        return null;
    }

    @Override
    public String toString() {
        return label();
    }
}
