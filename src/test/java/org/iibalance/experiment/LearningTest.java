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
    void iibalanceLearnsAndItsFusionUsesMoreThanTheWeakHead(@TempDir Path runs) throws Exception {
        RunOutcome o = new ExperimentRunner(TestConfigs.small(runs, "iibalance", "method.tau=0.5")).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        double m = o.results().accMultimodal(), a = o.results().accuracy("audio"), v = o.results().accuracy("visual");
        System.out.printf("iibalance small: Acc_m %.3f Acc_a %.3f Acc_v %.3f beta_audio %.3f%n", m, a, v, o.results().budget().beta().get("audio"));
        assertTrue(m > 0.5, "Acc_m well above chance 0.125: " + m);
        // tau 0.5 as in the demo preset: at the paper's 0.07 this data's budget gap gives beta_audio 1.000
        // and the fused output follows the audio anchor (measured on the shape data, 2026-12-01: Acc_m
        // 0.830 vs audio head 0.8725); at 0.5 (beta_audio 0.78) 0.880 vs 0.870. The paper's claim that the
        // fused prediction beats every head is not asserted at this size (README, "What drives IIBalance
        // here"). What must hold: the fusion is far above the weak visual head and not below the
        // anchor's head by more than a few clips.
        assertTrue(m > v + 0.1, "fusion far above the weak head: " + m + " vs visual " + v);
        assertTrue(m > a - 0.03, "fusion close to the anchor's head: " + m + " vs audio " + a);
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
