package org.iibalance.experiment;

import org.iibalance.run.RunState;
import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.Tag;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Baselines with state of their own (noise step, prototypes, rates, weights) resume to the uninterrupted result too. */
@Tag("slow")
class BaselineResumeTest {

    @ParameterizedTest
    @ValueSource(strings = {"ogm-ge", "pmr", "mslr", "g-blending", "agm", "greedy", "mmpareto", "ggdm", "joint"})
    void stoppedAndResumedEqualsUninterrupted(String method, @TempDir Path runs) throws Exception {
        RunOutcome full = new ExperimentRunner(TestConfigs.tiny(runs.resolve("full"), method, "training.epochs=4")).run();
        assertEquals(RunState.COMPLETED, full.state(), full.reason());
        CancellationToken cancel = new CancellationToken();
        RunOutcome stopped = new ExperimentRunner(TestConfigs.tiny(runs.resolve("stopped"), method, "training.epochs=4")).optCancellation(cancel)
                .optListener(e -> {
                    if (e instanceof TrainingEvent.StepCompleted s && org.iibalance.run.TrainingPhase.TRAIN.equals(s.phase()) && s.epoch() == 3 && s.step() == 2) cancel.cancel();
                }).run();
        assertEquals(RunState.CANCELLED, stopped.state());
        RunOutcome resumed = ExperimentRunner.resume(stopped.runDir()).run();
        assertEquals(RunState.COMPLETED, resumed.state(), resumed.reason());
        assertEquals(RunnerBehaviourTest.lossColumns(full.runDir()), RunnerBehaviourTest.lossColumns(resumed.runDir()), method);
        assertEquals(Files.readString(full.runDir().resolve("gating.csv")), Files.readString(resumed.runDir().resolve("gating.csv")), method);
    }
}
