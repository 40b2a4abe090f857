package org.iibalance.data;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The inputs of a training clip that has a fresh variant in every epoch (data augmentation made by the
 * dataset, e.g. {@link AvMnistAudioAugmentation}): {@link #get} is the clip as built, which validation,
 * estimates and every read outside training passes use; {@link #training} is what training epoch
 * {@code e} sees. The variant is computed on read (nothing per epoch is kept) and standardised with the
 * same training statistics and the same code as the stored input ({@link Standardizer#standardize}).
 */
public final class AugmentedInputs extends AbstractList<float[]> implements RandomAccess {
    /** Makes modality {@code modality}'s input for training epoch {@code epoch}, before standardisation. */
    @FunctionalInterface
    public interface Variant {
        float[] make(int epoch);
    }

    private final List<float[]> stored;
    private final Variant[] variants;
    private final float[] mean, inverseStd;

    /** {@code variants[m]} null: modality m is not augmented. */
    public AugmentedInputs(List<float[]> stored, Variant[] variants) {
        this(stored, variants, null, null);
    }

    private AugmentedInputs(List<float[]> stored, Variant[] variants, float[] mean, float[] inverseStd) {
        if (variants.length != stored.size()) throw new IllegalArgumentException(variants.length + " variants for " + stored.size() + " modalities");
        this.stored = List.copyOf(stored);
        this.variants = variants.clone();
        this.mean = mean;
        this.inverseStd = inverseStd;
    }

    /**
     * The same clip with its stored inputs standardised and its variants standardised on read, with the
     * split's float statistics ({@link Standardizer#floatMeans}, {@link Standardizer#floatInverseStds}; shared by every clip).
     */
    AugmentedInputs standardized(List<float[]> standardizedStored, float[] mean, float[] inverseStd) {
        return new AugmentedInputs(standardizedStored, variants, mean, inverseStd);
    }

    @Override
    public float[] get(int modality) {
        return stored.get(modality);
    }

    @Override
    public int size() {
        return stored.size();
    }

    /** Whether modality {@code modality} has a variant per epoch. */
    public boolean augments(int modality) {
        return variants[modality] != null;
    }

    /** What training epoch {@code epoch} sees of modality {@code modality} (the stored input when it is not augmented). */
    public float[] training(int modality, int epoch) {
        if (variants[modality] == null) return stored.get(modality);
        float[] x = variants[modality].make(epoch);
        if (mean == null) return x;
        Standardizer.standardize(x, x, mean[modality], inverseStd[modality]);
        return x;
    }

    /** What training epoch {@code epoch} sees of a clip's modality: its variant, or its input when it has none. */
    public static float[] training(Clip clip, int modality, int epoch) {
        return clip.inputs() instanceof AugmentedInputs a ? a.training(modality, epoch) : clip.input(modality);
    }
}
