package org.iibalance.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A dataset split into train / validation / test, with its modalities and class names. Model
 * selection uses {@link #val()} only; {@link #test()} is for the final table.
 *
 * @param name        dataset kind and variant, e.g. {@code synthetic-av}
 * @param classNames  the C class names, index = label
 * @param modalities  the M modalities, in the order of {@link Clip#inputs()}
 * @param train       training clips
 * @param val         validation clips
 * @param test        test clips
 * @param skipped     files that were skipped, with reasons (the preprocessing report)
 * @param fingerprint a hash of the recipe and sources, for provenance
 */
public record MultimodalDataset(
        String name,
        List<String> classNames,
        List<ModalitySpec> modalities,
        List<Clip> train,
        List<Clip> val,
        List<Clip> test,
        List<SkippedFile> skipped,
        String fingerprint) {

    public int classes() {
        return classNames.size();
    }

    public int modalityCount() {
        return modalities.size();
    }

    /** Index of a modality by name, or -1. */
    public int modalityIndex(String name) {
        for (int i = 0; i < modalities.size(); i++) if (modalities.get(i).name().equals(name)) return i;
        return -1;
    }

    public List<String> modalityNames() {
        List<String> n = new ArrayList<>();
        for (ModalitySpec m : modalities) n.add(m.name());
        return n;
    }

    /** Clips per class in a split, for summaries. */
    public static int[] perClass(List<Clip> clips, int classes) {
        int[] n = new int[classes];
        for (Clip c : clips) n[c.label()]++;
        return n;
    }

    /** A copy with each split cut to at most the given sizes (0: keep all). */
    public MultimodalDataset limited(int maxTrain, int maxVal, int maxTest) {
        return new MultimodalDataset(name, classNames, modalities, cut(train, maxTrain), cut(val, maxVal), cut(test, maxTest), skipped, fingerprint);
    }

    private static List<Clip> cut(List<Clip> l, int max) {
        return max <= 0 || l.size() <= max ? l : List.copyOf(l.subList(0, max));
    }
}
