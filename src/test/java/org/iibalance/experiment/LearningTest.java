package org.iibalance.experiment;

import org.iibalance.run.RunState;
import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.Tag;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training really learns, and the imbalance the paper is about shows up, on a small synthetic-av
 * configuration (8 classes, chance 0.125). Outcomes, not times.
 */
@Tag("slow")
class LearningTest {

    @Test
    void iibalanceLearnsAndFusionBeatsEachHead(@TempDir Path runs) throws Exception {
        RunOutcome o = new ExperimentRunner(TestConfigs.small(runs, "iibalance")).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        double m = o.results().accMultimodal(), a = o.results().accuracy("audio"), v = o.results().accuracy("visual");
        System.out.printf("iibalance small: Acc_m %.3f Acc_a %.3f Acc_v %.3f beta_audio %.3f%n", m, a, v, o.results().budget().beta().get("audio"));
        assertTrue(m > 0.5, "Acc_m well above chance 0.125: " + m);
        assertTrue(m > a && m > v, "fusion beats each unimodal head: " + m + " vs " + a + ", " + v);
        assertEquals("audio", o.results().budget().anchor(), "audio is the dominant modality of synthetic-av");
    }

    @Test
    void jointTrainingUnderTrainsTheWeakModality(@TempDir Path runs) throws Exception {
        // the imbalance of joint training shows from a cold start (no unimodal pre-training)
        RunOutcome joint = new ExperimentRunner(TestConfigs.small(runs.resolve("joint"), "joint", "method.unimodalPretraining=none")).run();
        RunOutcome visual = new ExperimentRunner(TestConfigs.small(runs.resolve("visual"), "unimodal-visual")).run();
        double jv = joint.results().accuracy("visual"), vv = visual.results().accuracy("visual");
        System.out.printf("joint small: Acc_m %.3f Acc_a %.3f Acc_v %.3f; visual-only Acc_v %.3f%n", joint.results().accMultimodal(),
                joint.results().accuracy("audio"), jv, vv);
        assertTrue(joint.results().accMultimodal() > 0.5, "joint training learns too");
        assertTrue(jv < vv, "joint training's visual accuracy (" + jv + ") is below a visual-only model's (" + vv + ")");
    }
}
