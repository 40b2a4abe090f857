package org.iibalance.data;

import java.util.function.Consumer;
import org.iibalance.config.ExperimentConfig;

/** AV-MNIST built from MNIST and the Free Spoken Digit Dataset (implementation in progress). */
public final class AvMnistDataset implements DatasetLoader {
    public static final String KIND = "avmnist";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "AV-MNIST: MNIST digits (PCA, 25% of components) paired with spoken digits (FSDD), speaker-disjoint splits";
    }

    @Override
    public MultimodalDataset load(ExperimentConfig cfg, Consumer<String> progress) throws DatasetException {
        throw new DatasetException("avmnist: not implemented yet");
    }
}
