package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.Datasets;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.run.GatingTable;
import org.iibalance.run.Results;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * M = 3: the embedded data with a sensor modality trains IIBalance (three budgets, an anchor, three
 * gate weights per clip) and joint training end to end, and evaluate reproduces the three-modality
 * results.
 */
class ThreeModalitiesTest {
    private static final String THREE = "dataset.synthetic.modalities=3";

    @Test
    void theSampleConfigAddsASensorAndLeavesAudioAndFramesAsTheyWere() throws Exception {
        ExperimentConfig three = ConfigIO.load(Path.of("sample-configs", "quickstart-three-modalities.yaml"),
                List.of("dataset.synthetic.trainClips=16", "dataset.synthetic.valClips=8", "dataset.synthetic.testClips=8"));
        MultimodalDataset d3 = Datasets.load(three, null);
        assertEquals(List.of("audio", "visual", "sensor"), d3.modalityNames());
        ExperimentConfig two = ConfigIO.withOverrides(three, List.of("dataset.synthetic.modalities=2"));
        MultimodalDataset d2 = Datasets.load(two, null);
        assertEquals(List.of("audio", "visual"), d2.modalityNames());
        // the sensor comes from its own stream: the clips' raw audio and frames do not change (standardisation is per modality)
        assertArrayEquals(d2.train().get(3).input(0), d3.train().get(3).input(0), 0f);
        assertArrayEquals(d2.test().get(5).input(1), d3.test().get(5).input(1), 0f);
        assertEquals(8 * 48, d3.train().get(0).input(2).length);
        var bad = assertThrows(org.iibalance.config.ConfigException.class,
                () -> ExperimentRunner.validate(ConfigIO.withOverrides(three, List.of("dataset.synthetic.modalities=4"))));
        assertTrue(bad.getMessage().contains("dataset.synthetic.modalities"), bad.getMessage());
    }

    @Test
    void iibalanceTrainsWithThreeBudgetsAndThreeGateWeights(@TempDir Path runs) throws Exception {
        RunOutcome o = new ExperimentRunner(TestConfigs.tiny(runs, "iibalance", THREE)).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        Results r = o.results();
        assertEquals(List.of("audio", "visual", "sensor"), r.modalities());
        Map<String, Double> beta = r.budget().beta();
        assertEquals(3, beta.size());
        assertEquals(1.0, beta.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6, "beta sums to one (Eq. 2)");
        assertTrue(beta.containsKey(r.budget().anchor()));
        assertEquals(3, r.fusionWeightMean().size());
        assertEquals(1.0, r.fusionWeightMean().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-4, "mean weights sum to one (Eq. 10)");
        assertTrue(r.accAvg() > 0, "Avg of Acc_m and three heads");
        GatingTable g = RunSummary.open(o.runDir()).gating();
        assertEquals(List.of("audio", "visual", "sensor"), g.modalities());
        for (GatingTable.Row row : g.rows()) assertEquals(1.0, row.weight("audio") + row.weight("visual") + row.weight("sensor"), 1e-4);
        // evaluate reproduces the three-modality test block
        SavedRun saved = SavedRun.open(o.runDir(), List.of());
        assertEquals(r.test(), saved.result(saved.evaluate("test", List.of(), 0), "test", List.of(), 0).figures());
    }

    @Test
    void jointTrainsOnThreeModalities(@TempDir Path runs) throws Exception {
        // large enough to learn (the tiny size of the other tests stays near chance: 4 of 48 once)
        RunOutcome o = new ExperimentRunner(TestConfigs.tiny(runs, "joint", THREE, "dataset.synthetic.trainClips=400", "dataset.synthetic.testClips=200",
                "training.epochs=4", "model.channels=8")).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        assertEquals(List.of("audio", "visual", "sensor"), o.results().modalities());
        // chance is 1/8; 0.25 on 200 test clips is far outside what guessing gives (p < 1e-5)
        assertTrue(o.results().accMultimodal() > 0.25, "above chance: " + o.results().accMultimodal());
    }
}
