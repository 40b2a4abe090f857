package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iibalance.run.RunState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * run.log holds the library's log lines too (issue 13): whatever is logged through SLF4J on a run's
 * threads goes into that run's run.log as well as to the console, and in a matrix running trials in
 * parallel in one JVM each run.log holds only its own lines.
 */
class RunLogTest {
    private static final Logger LOG = LoggerFactory.getLogger(RunLogTest.class);
    /** UnimodalPretraining's info line when method.budgetMaxEpochs ends a unimodal model (tiny: cap 2 < patience 3). */
    private static final Pattern NOT_CONVERGED = Pattern.compile("\\[INFO\\] UnimodalPretraining - the (\\w+)-only model \\(pretrain:\\1\\) did not converge");

    @Test
    void aWarningLoggedDuringARunIsInItsRunLog(@TempDir Path runs) throws Exception {
        LOG.warn("a line outside any run");
        RunOutcome o = new ExperimentRunner(TestConfigs.tiny(runs, "joint", "training.epochs=1", "threads=1")).optListener(e -> {
            if (e instanceof TrainingEvent.EpochCompleted ep) LOG.warn("a test warning on the training thread after epoch {}", ep.epoch());
        }).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        LOG.warn("another line after the run");
        String log = Files.readString(o.runDir().resolve("run.log"));
        // the library's own line (the method's pre-training, info), and a warning logged by a listener on the training thread
        assertEquals(List.of("audio", "visual"), notConverged(log), log);
        assertTrue(log.contains("[WARN] RunLogTest - a test warning on the training thread after epoch 1"), log);
        // the data phase ran before the folder existed: its lines are kept, before the run's later lines
        int data = log.indexOf("generating synthetic-av");
        assertTrue(data >= 0 && data < log.indexOf("[INFO] UnimodalPretraining"), log);
        assertFalse(log.contains("a line outside any run") || log.contains("another line after the run"), log);
        // every line carries its UTC time
        for (String line : log.split("\n")) assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z .*"), line);
    }

    @Test
    @Tag("slow")
    void eachRunOfAParallelMatrixKeepsOnlyItsOwnLines(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("tiny.yaml"), """
                name: tiny
                threads: 1
                dataset:
                  kind: synthetic-av
                  synthetic: {trainClips: 64, valClips: 16, testClips: 16}
                model: {channels: 2, featureDim: 8}
                method: {budgetMaxEpochs: 2, budgetMinEpochs: 1}
                training: {epochs: 2, batchSize: 16, logEvery: 1}
                """);
        Path spec = tmp.resolve("matrix.yaml");
        Files.writeString(spec, """
                seeds: [1, 2]
                parallel: 2
                methods: [joint]
                datasets:
                  - name: tiny
                    config: tiny.yaml
                """);
        Path out = tmp.resolve("matrix");
        List<RunOutcome> outcomes = new MatrixRunner(MatrixSpec.load(spec), out, 2).optListener(new SweepListener() {
            @Override
            public void trialEvent(SweepSpec.Trial trial, TrainingEvent event) {
                // on the trial's own training thread, at every step of both trials (they run at the same time)
                if (event instanceof TrainingEvent.StepCompleted s) LOG.warn("marker of trial {} at step {}", trial.name(), s.globalStep());
            }

            @Override
            public void trialFinished(SweepSpec.Trial trial, RunOutcome outcome, boolean skipped) {}
        }).run();
        assertEquals(2, outcomes.size());
        for (RunOutcome o : outcomes) assertEquals(RunState.COMPLETED, o.state(), o.reason());
        for (RunOutcome o : outcomes) {
            String own = o.runDir().getFileName().toString();
            String log = Files.readString(o.runDir().resolve("run.log"));
            Matcher m = Pattern.compile("marker of trial (\\S+) at step").matcher(log);
            int markers = 0;
            while (m.find()) {
                assertEquals(own, m.group(1), "a line of another trial in " + own + "'s run.log");
                markers++;
            }
            assertTrue(markers >= 8, own + ": its own step markers (2 epochs x 4 steps): " + markers);
            assertEquals(List.of("audio", "visual"), notConverged(log), own + "'s run.log holds its own two pre-training lines only");
        }
    }

    /** The modalities of the not-converged warnings in a run.log, in order. */
    private static List<String> notConverged(String log) {
        Matcher m = NOT_CONVERGED.matcher(log);
        Stream.Builder<String> b = Stream.builder();
        while (m.find()) b.add(m.group(1));
        return b.build().toList();
    }
}
