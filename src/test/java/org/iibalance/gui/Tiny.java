package org.iibalance.gui;

import java.nio.file.Path;
import java.util.List;

/** Overrides that make a training take a few seconds. */
final class Tiny {
    private Tiny() {}

    static List<String> config(Path runsDir) {
        return List.of("dataset.synthetic.trainClips=64", "dataset.synthetic.valClips=32", "dataset.synthetic.testClips=32", "training.epochs=2",
                "training.batchSize=16", "method.budgetMaxEpochs=1", "method.budgetMinEpochs=1", "model.channels=4", "model.featureDim=16", "threads=1",
                "output.runsDir=" + runsDir.toAbsolutePath());
    }
}
