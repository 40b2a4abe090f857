package org.iibalance.data;

import java.util.function.Consumer;
import org.iibalance.config.ExperimentConfig;

/** Loads one kind of dataset layout. Implementations are registered in {@link Datasets}. */
public interface DatasetLoader {
    /** The {@code dataset.kind} this loader answers to. */
    String kind();

    /** One line for {@code datasets} listings. */
    String description();

    /** Whether the loader needs {@code dataset.root}. */
    default boolean needsRoot() {
        return true;
    }

    /**
     * Loads the dataset described by {@code cfg.dataset()}, reporting progress lines to
     * {@code progress}. Files that cannot be used are listed in {@link MultimodalDataset#skipped()};
     * a dataset with no usable clip is a {@link DatasetException}.
     */
    MultimodalDataset load(ExperimentConfig cfg, Consumer<String> progress) throws DatasetException;
}
