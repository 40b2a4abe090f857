package org.iibalance.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;

/** Small synthetic configurations for tests (shared by the experiment tests and other packages' tests). */
public final class TestConfigs {
    private TestConfigs() {}

    /** A run of a few seconds: 96 training clips, tiny encoders, 3 epochs. */
    public static ExperimentConfig tiny(Path runs, String method, String... extra) {
        return with(runs, method, List.of("dataset.synthetic.trainClips=96", "dataset.synthetic.valClips=48", "dataset.synthetic.testClips=48",
                "training.epochs=3", "method.budgetMaxEpochs=2", "method.budgetMinEpochs=1", "model.channels=4", "model.featureDim=16",
                "model.poolDim=4", "model.gateHidden=8", "training.logEvery=1"), extra);
    }

    /** A run that learns: 600 training clips, default encoders, 8 epochs (tens of seconds). */
    public static ExperimentConfig small(Path runs, String method, String... extra) {
        return with(runs, method, List.of("dataset.synthetic.trainClips=600", "dataset.synthetic.valClips=200", "dataset.synthetic.testClips=400",
                "training.epochs=8", "method.budgetMaxEpochs=8"), extra);
    }

    private static ExperimentConfig with(Path runs, String method, List<String> base, String... extra) {
        List<String> o = new ArrayList<>(base);
        o.add("name=test-" + method);
        o.add("method.name=" + method);
        o.add("output.runsDir=" + runs);
        o.addAll(Arrays.asList(extra));
        try {
            return ConfigIO.withOverrides(ExperimentConfig.defaults(), o);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }
}
