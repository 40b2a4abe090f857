package org.iibalance.experiment;

import org.iibalance.run.RunState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A matrix stopped halfway resumes without redoing its finished runs. */
@Tag("slow")
class MatrixRunnerTest {
    @TempDir
    Path tmp;

    @Test
    void stoppedMatrixResumesWithoutRedoingFinishedRuns() throws Exception {
        Files.writeString(tmp.resolve("tiny.yaml"), """
                name: tiny
                seed: 7
                threads: 1
                dataset:
                  kind: synthetic-av
                  synthetic: {trainClips: 64, valClips: 16, testClips: 16}
                model: {channels: 2, featureDim: 8}
                training: {epochs: 1, batchSize: 16}
                """);
        Path spec = tmp.resolve("matrix.yaml");
        Files.writeString(spec, """
                seeds: [1, 2]
                parallel: 1
                methods: [joint, ogm-ge]
                datasets:
                  - name: tiny
                    config: tiny.yaml
                """);
        Path out = tmp.resolve("matrix");
        MatrixSpec m = MatrixSpec.load(spec);

        // first attempt: stop after the first finished run
        CancellationToken cancel = new CancellationToken();
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        new MatrixRunner(m, out, 1).optCancellation(cancel).optListener((t, o, skipped) -> {
            if (o.state() == RunState.COMPLETED) {
                finished.add(t.name());
                cancel.cancel();
            }
        }).run();
        assertEquals(1, finished.size());
        Path done = out.resolve("tiny/table").resolve(finished.get(0));
        FileTime stamp = Files.getLastModifiedTime(done.resolve("results.json"));

        // a run stopped before its first checkpoint (config.yaml and state.json, no checkpoint) must resume too
        SweepSpec.Trial other = m.parts(out, 1).get(0).spec().trials().stream().filter(t -> !t.name().equals(finished.get(0))).findFirst().orElseThrow();
        CancellationToken stopped = new CancellationToken();
        stopped.cancel();
        RunOutcome stop = new ExperimentRunner(other.config()).optRunDir(out.resolve("tiny/table").resolve(other.name())).optCancellation(stopped).run();
        assertEquals(RunState.CANCELLED, stop.state());

        // second attempt: the finished run is kept, the other three run
        List<String> kept = Collections.synchronizedList(new ArrayList<>());
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<RunOutcome> outcomes = new MatrixRunner(m, out, 1).optListener((t, o, skipped) -> (skipped ? kept : ran).add(t.name())).run();
        assertEquals(4, outcomes.size());
        assertTrue(outcomes.stream().allMatch(o -> o.state() == RunState.COMPLETED), () -> outcomes.stream().map(o -> o.state() + ": " + o.reason()).toList().toString());
        assertEquals(finished, kept);
        assertEquals(3, ran.size());
        assertEquals(stamp, Files.getLastModifiedTime(done.resolve("results.json")));
    }
}
