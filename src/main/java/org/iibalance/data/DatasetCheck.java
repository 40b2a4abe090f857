package org.iibalance.data;

import java.util.List;
import java.util.function.Consumer;
import org.iibalance.config.ExperimentConfig;

/** The {@code datasets check} report: what a configuration's dataset loads to, what was skipped and why, and the cache state. */
public final class DatasetCheck {
    private DatasetCheck() {}

    /**
     * Loads the dataset of {@code cfg} and prints, to {@code out}: progress lines, notes and warnings,
     * clips per split and per class, every skipped file with its reason, and the cache state.
     *
     * @return the loaded dataset
     * @throws DatasetException when the dataset cannot be loaded (no usable clip, missing root...)
     */
    public static MultimodalDataset describe(ExperimentConfig cfg, Consumer<String> out) throws DatasetException {
        out.accept("dataset: kind " + cfg.dataset().kind() + (cfg.dataset().root().isBlank() ? "" : ", root " + cfg.dataset().root()));
        AvClipLoader.clearReport();
        MultimodalDataset d = Datasets.load(cfg, line -> out.accept("  " + line));
        LoadReport rep = AvClipLoader.lastReport();
        out.accept("name: " + d.name() + " (content fingerprint " + d.contentFingerprint() + ")");
        out.accept("modalities: " + d.modalities());
        out.accept(String.format("%-16s %7s %7s %7s", "class", "train", "val", "test"));
        int[] tr = MultimodalDataset.perClass(d.train(), d.classes());
        int[] va = MultimodalDataset.perClass(d.val(), d.classes());
        int[] te = MultimodalDataset.perClass(d.test(), d.classes());
        for (int c = 0; c < d.classes(); c++) out.accept(String.format("%-16s %7d %7d %7d", d.classNames().get(c), tr[c], va[c], te[c]));
        out.accept(String.format("%-16s %7d %7d %7d", "total", d.train().size(), d.val().size(), d.test().size()));
        if (rep != null) {
            for (String n : rep.notes()) out.accept(n);
            out.accept(rep.cacheDir().isEmpty() ? "cache: off"
                    : String.format("cache: %s: %d audio and %d visual entries reused, %d clips decoded and stored, %d broken entries rebuilt (%.1f s)",
                            rep.cacheDir(), rep.audioReused(), rep.visualReused(), rep.built(), rep.brokenEntries(), rep.seconds()));
        }
        List<SkippedFile> sk = d.skipped();
        out.accept("skipped: " + sk.size() + " file(s)");
        for (SkippedFile s : sk) out.accept("  " + s);
        return d;
    }
}
