package org.iibalance.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.iibalance.config.ExperimentConfig;

/** The registry of dataset kinds. */
public final class Datasets {
    private static final Map<String, DatasetLoader> LOADERS = new LinkedHashMap<>();

    static {
        register(new SyntheticAvDataset());
        register(new AvMnistDataset());
        register(new CremaDDataset());
        register(new AveDataset());
        register(new KineticsSoundsDataset());
        register(new ClipFolderDataset());
    }

    private Datasets() {}

    /** Adds a loader (later registrations of the same kind replace earlier ones). */
    public static synchronized void register(DatasetLoader loader) {
        LOADERS.put(loader.kind(), loader);
    }

    public static synchronized List<DatasetLoader> all() {
        return new ArrayList<>(LOADERS.values());
    }

    public static synchronized List<String> kinds() {
        return new ArrayList<>(LOADERS.keySet());
    }

    /** The loader for a kind, or null. */
    public static synchronized DatasetLoader find(String kind) {
        return LOADERS.get(kind);
    }

    /** Loads the configured dataset and applies the configured split limits. */
    public static MultimodalDataset load(ExperimentConfig cfg, Consumer<String> progress) throws DatasetException {
        DatasetLoader l = find(cfg.dataset().kind());
        if (l == null) throw new DatasetException("dataset.kind: '" + cfg.dataset().kind() + "' is not a dataset kind (allowed: " + String.join(", ", kinds()) + ")");
        MultimodalDataset d = l.load(cfg, progress == null ? s -> {} : progress);
        if (d.classes() < 2) {
            String where = l.needsRoot() ? " in dataset.root " + cfg.dataset().root() : "";
            throw new DatasetException(cfg.dataset().kind() + ": only " + (d.classes() == 1 ? "one class ('" + d.classNames().get(0) + "')" : "no class")
                    + " was found" + where + "; a classifier needs at least 2 classes (one folder per class, or labels naming 2 or more)");
        }
        return d.limited(cfg.dataset().maxTrain(), cfg.dataset().maxVal(), cfg.dataset().maxTest());
    }
}
