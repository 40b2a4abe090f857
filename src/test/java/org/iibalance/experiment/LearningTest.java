package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training really learns, and the imbalance the paper is about shows up, on a small synthetic-av
 * configuration (8 classes, chance 0.125). Outcomes, not times.
 */
class LearningTest {

    @Test
    void iibalanceLearnsAndFusionBeatsEachHead(@TempDir Path runs) throws Exception {
        RunOutcome o = new ExperimentRunner(TestConfigs.small(runs, "iibalance")).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        double m = o.results().number("test.accMultimodal"), a = o.results().number("test.accAudio"), v = o.results().number("test.accVisual");
        System.out.printf("iibalance small: Acc_m %.3f Acc_a %.3f Acc_v %.3f beta_audio %.3f%n", m, a, v, o.results().number("budget.beta.audio"));
        assertTrue(m > 0.5, "Acc_m well above chance 0.125: " + m);
        assertTrue(m > a && m > v, "fusion beats each unimodal head: " + m + " vs " + a + ", " + v);
        assertEquals("audio", o.results().text("budget.anchor"), "audio is the dominant modality of synthetic-av");
    }

    @Test
    void jointTrainingUnderTrainsTheWeakModality(@TempDir Path runs) throws Exception {
        // the imbalance of joint training shows from a cold start (no unimodal pre-training)
        RunOutcome joint = new ExperimentRunner(TestConfigs.small(runs.resolve("joint"), "joint", "method.unimodalPretraining=none")).run();
        RunOutcome visual = new ExperimentRunner(TestConfigs.small(runs.resolve("visual"), "unimodal-visual")).run();
        double jv = joint.results().number("test.accVisual"), vv = visual.results().number("test.accVisual");
        System.out.printf("joint small: Acc_m %.3f Acc_a %.3f Acc_v %.3f; visual-only Acc_v %.3f%n", joint.results().number("test.accMultimodal"),
                joint.results().number("test.accAudio"), jv, vv);
        assertTrue(joint.results().number("test.accMultimodal") > 0.5, "joint training learns too");
        assertTrue(jv < vv, "joint training's visual accuracy (" + jv + ") is below a visual-only model's (" + vv + ")");
    }
}
