package org.iibalance.data;

import java.util.ArrayList;
import java.util.List;
import org.iibalance.run.DataFingerprint;

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
 */
public record MultimodalDataset(
        String name,
        List<String> classNames,
        List<ModalitySpec> modalities,
        List<Clip> train,
        List<Clip> val,
        List<Clip> test,
        List<SkippedFile> skipped) {

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
        return new MultimodalDataset(name, classNames, modalities, cut(train, maxTrain), cut(val, maxVal), cut(test, maxTest), skipped);
    }

    /**
     * The content fingerprint of the data as the network sees it: SHA-256 over every split's clip ids,
     * labels and decoded inputs ({@link DataFingerprint}, sampled above 16 M input floats per split).
     * Same fingerprint, same stored inputs; any changed file, decoder setting or standardisation changes
     * it. Per-epoch training augmentation ({@code dataset.avmnist.augment}, {@code dataset.visual.augment})
     * is applied on top of these inputs and is not in it: {@code config.yaml} records it.
     * (It replaced the loaders' own 32-bit hashes of their recipe and file names or sizes, which did not
     * look at the contents.)
     */
    public String contentFingerprint() {
        DataFingerprint f = new DataFingerprint();
        f.split("train", train, Clip::id, Clip::label, Clip::inputs);
        f.split("val", val, Clip::id, Clip::label, Clip::inputs);
        f.split("test", test, Clip::id, Clip::label, Clip::inputs);
        return f.digest();
    }

    private static List<Clip> cut(List<Clip> l, int max) {
        return max <= 0 || l.size() <= max ? l : List.copyOf(l.subList(0, max));
    }
}
