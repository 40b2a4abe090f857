package org.iibalance.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.iibalance.experiment.TrainingEvent;
import org.junit.jupiter.api.Test;

/** The console view of a run: folder first, whole-run ETA, plain lines off a terminal, --quiet; k of N for trials. */
class ConsoleProgressTest {
    static TrainingEvent.StepCompleted step(String phase, int epoch, int epochs, int step, int steps, double elapsed) {
        return new TrainingEvent.StepCompleted(org.iibalance.run.TrainingPhase.ofLabel(phase), epoch, epochs, step, steps, step, Double.NaN, Double.NaN, Double.NaN, 2.0, null, 100, elapsed, Double.NaN);
    }

    @Test
    void theRunFolderComesFirstAndTheEtaCountsTheWholeRun() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(b, true, StandardCharsets.UTF_8), false, false, 10, 32);
        p.onEvent(new TrainingEvent.RunStarted(Path.of("runs/x"), false, List.of("audio", "visual"), 320, 1.0));
        assertTrue(b.toString(StandardCharsets.UTF_8).startsWith("run folder: runs" + java.io.File.separator + "x"));
        // budget model of audio, epoch 1 of 4, 10 steps per epoch, one step per second
        p.onEvent(step("budget:audio", 1, 4, 1, 10, 2.0));
        p.onEvent(step("budget:audio", 1, 4, 2, 10, 3.0));
        // left: 8 steps of this epoch + 3 x 10 (audio) + 4 x 10 (visual) + 10 epochs x ceil(320/32) = 178 steps at 1 s
        ConsoleProgress.RunClock c = new ConsoleProgress.RunClock(10, 32);
        c.modalities = List.of("audio", "visual");
        c.trainClips = 320;
        c.step(step("budget:audio", 1, 4, 1, 10, 2.0));
        c.step(step("budget:audio", 1, 4, 2, 10, 3.0));
        assertEquals(178, c.eta(3.0), 1e-9);
        c.step(step("train", 10, 10, 9, 10, 4.0));
        assertEquals(1, c.eta(4.0), 1e-9, "last epoch, one step left, 1 s per step");
        p.onEvent(new TrainingEvent.BudgetEpoch("audio", 1, 4, 2.0, 0.5, 100, 4.0));
        String out = b.toString(StandardCharsets.UTF_8);
        assertTrue(out.matches("(?s).*budget:audio +epoch +1/4 .*ETA run 5m56s.*"), out);
        assertFalse(out.contains("%]") || out.contains("[="), "no bar when stdout is not a terminal: " + out);
    }

    @Test
    void quietKeepsTheFolderAndTheEndOnly() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(b, true, StandardCharsets.UTF_8), true, true, 2, 32);
        p.onEvent(new TrainingEvent.RunStarted(Path.of("r"), false, List.of("audio", "visual"), 64, 0.5));
        p.onEvent(new TrainingEvent.PhaseChanged(org.iibalance.run.TrainingPhase.TRAIN, "training", 1.0));
        p.onEvent(step("train", 1, 2, 1, 2, 1.5));
        p.onEvent(new TrainingEvent.Failed(Path.of("r"), "the loss exploded", true, 2.0));
        assertEquals(List.of("run folder: r", "DIVERGED: the loss exploded", "run folder: r"), b.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void trialsCountKOfNWithAnEta() {
        TrialProgress t = new TrialProgress(4);
        assertEquals("[1/4]", t.starting());
        assertTrue(t.finished(true).startsWith("[1/4, ETA -]"), "a kept trial says nothing about time");
        assertTrue(t.finished(false).matches("\\[2/4, ETA \\d+s\\]"));
        assertEquals("[3/4]", t.starting());
    }
}
