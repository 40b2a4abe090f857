package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iibalance.report.RobustnessFigures;
import org.iibalance.run.RobustnessTable;
import org.iibalance.run.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code robustness}: one row per run x corruption x severity, the clean row equal to results.json, resumable, figures written. */
class RobustnessRunnerTest {

    @Test
    void evaluatesEachCorruptionOnceAndResumesSkippingRowsDone(@TempDir Path tmp) throws Exception {
        RunOutcome o = new ExperimentRunner(TestConfigs.tiny(tmp.resolve("runs"), "joint", "training.epochs=1")).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        new ExperimentRunner(TestConfigs.tiny(tmp.resolve("runs"), "joint", "training.epochs=1", "name=stopped", "training.patience=0"))
                .optCancellation(cancelled()).run(); // a cancelled run is skipped
        Path out = tmp.resolve("robustness");
        List<RobustnessRunner.Progress> seen = new ArrayList<>();
        RobustnessRunner first = new RobustnessRunner(List.of(tmp.resolve("runs")), out, 2)
                .optCorruptions(List.of("audio-noise:snr=0", "visual-occlude:size=0.5", "visual-darken:level=0.9")).optProgress(seen::add);
        RobustnessTable t = first.run();
        assertEquals(4, t.rows().size(), "clean + 3 corruptions of the one completed run");
        assertEquals(1, first.skipped().size(), "the cancelled run: " + first.skipped());
        assertEquals(4, seen.size());
        assertEquals(4, seen.get(3).done());
        // each progress carries the table as written after its row: one row more each time, the last one the whole table
        for (int i = 0; i < 4; i++) assertEquals(i + 1, seen.get(i).table().rows().size(), "progress " + i);
        assertEquals(t, seen.get(3).table());
        RobustnessTable.Row clean = t.rows().stream().filter(r -> r.spec().equals(RobustnessTable.CLEAN)).findFirst().orElseThrow();
        assertEquals(o.results().accMultimodal(), clean.accMultimodal(), 1e-6, "the clean row is the run's test Acc_m");
        assertEquals(o.results().accuracy("audio"), clean.accuracy().get("audio"), 1e-6);
        assertFalse(clean.hasWeights(), "joint training has no fusion weights");
        RobustnessTable.Row noise = t.rows().stream().filter(r -> r.corruption().equals("audio-noise")).findFirst().orElseThrow();
        assertEquals("snr", noise.parameter());
        assertEquals(0.0, noise.severity());
        // the file holds the table (its numbers written with 6 decimals)
        RobustnessTable back = RobustnessTable.read(RobustnessTable.file(out));
        assertEquals(t.modalities(), back.modalities());
        assertEquals(t.rows().size(), back.rows().size());
        for (int i = 0; i < t.rows().size(); i++) {
            RobustnessTable.Row a = t.rows().get(i), b = back.rows().get(i);
            assertEquals(a.spec(), b.spec());
            assertEquals(a.method(), b.method());
            assertEquals(a.accMultimodal(), b.accMultimodal(), 1e-6, "row " + i);
            for (String m : t.modalities()) assertEquals(a.accuracy().get(m), b.accuracy().get(m), 1e-6, "row " + i + " " + m);
        }

        List<RobustnessRunner.Progress> again = new ArrayList<>();
        RobustnessTable t2 = new RobustnessRunner(List.of(tmp.resolve("runs")), out, 1)
                .optCorruptions(List.of("audio-noise:snr=0", "visual-occlude:size=0.5", "visual-darken:level=0.9", "audio-noise:snr=-20"))
                .optProgress(again::add).run();
        assertEquals(5, t2.rows().size());
        assertEquals(1, again.size(), "only the new spec is evaluated");
        assertEquals(5, again.get(0).table().rows().size(), "the resumed rows are in the table it reports");
        assertEquals("audio-noise:snr=-20", t2.rows().get(4).spec());

        List<Path> files = RobustnessFigures.write(t2, out);
        assertTrue(files.contains(out.resolve("robustness-audio-noise.png")), files.toString());
        assertTrue(Files.size(out.resolve("robustness-audio-noise.svg")) > 1000);
        String md = Files.readString(out.resolve("robustness.md"));
        assertTrue(md.contains("| clean |") && md.contains("| audio-noise:snr=-20 |"), md);
    }

    private static CancellationToken cancelled() {
        CancellationToken t = new CancellationToken();
        t.cancel();
        return t;
    }
}
