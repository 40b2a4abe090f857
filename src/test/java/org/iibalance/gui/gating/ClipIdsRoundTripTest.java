package org.iibalance.gui.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.data.Clip;
import org.iibalance.data.Datasets;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.gui.util.CurrentThreadTaskExecutor;
import org.iibalance.media.MediaFixtures;
import org.iibalance.run.GatingTable;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real clips dataset whose file (and class folder) names hold commas, quotes and accents trains;
 * its gating.csv parses to the dataset's test ids with the typed reader and with a standard CSV
 * parser (Apache Commons CSV, RFC 4180), and the gating inspector shows those ids.
 */
class ClipIdsRoundTripTest {
    private static final List<String> STEMS = List.of("a,b", "say \"hi\"", "\u00c9mile", "na\u00efve, \"x\"", "\u00e7,\u00f6", "l'ami");

    @Test
    void oddClipIdsSurviveTrainingTheCsvAndTheInspector(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("clips");
        Set<String> made = new HashSet<>();
        for (String cls : List.of("cat", "d\u00f6g, \"big\"")) {
            for (String stem : STEMS) {
                Path f = root.resolve(cls).resolve(stem + ".mp4");
                Files.createDirectories(f.getParent());
                MediaFixtures.write(f, MediaFixtures.Spec.small().seconds(0.6).green(cls.equals("cat") ? 50 : 200));
                made.add(cls + "/" + stem);
            }
        }
        ExperimentConfig cfg = ConfigIO.withOverrides(ExperimentConfig.defaults(), List.of("name=odd-ids", "dataset.kind=clips", "dataset.root=" + root,
                "dataset.cacheDir=" + tmp.resolve("cache"), "dataset.visual.frames=2", "dataset.visual.size=16", "dataset.audio.seconds=0.5",
                "dataset.media.split=stratified", "dataset.media.valFraction=0.34", "dataset.media.testFraction=0.34", "training.epochs=1",
                "training.batchSize=4", "method.budgetMaxEpochs=1", "method.budgetMinEpochs=1", "model.channels=4", "model.featureDim=16",
                "model.poolDim=4", "model.gateHidden=8", "threads=1", "output.runsDir=" + tmp.resolve("runs")));
        RunOutcome o = new ExperimentRunner(cfg).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        MultimodalDataset data = Datasets.load(cfg, s -> {});
        Set<String> testIds = new TreeSet<>();
        for (Clip c : data.test()) testIds.add(c.id());
        assertFalse(testIds.isEmpty());
        assertTrue(made.containsAll(testIds), "ids are <class>/<file stem>: " + testIds);

        // the typed reader
        GatingTable g = RunSummary.open(o.runDir()).gating();
        assertEquals(testIds, new TreeSet<>(g.rows().stream().map(GatingTable.Row::id).toList()));
        // a standard RFC 4180 parser, knowing nothing of ours
        Path csv = o.runDir().resolve("gating.csv");
        List<String> parsed = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertEquals(List.of("id", "label", "prediction", "correct", "weight_audio", "weight_visual", "u_audio", "u_visual", "prediction_audio",
                    "prediction_visual"), p.getHeaderNames());
            for (CSVRecord r : p) {
                assertTrue(r.isConsistent(), "row " + r.getRecordNumber() + " has every column");
                parsed.add(r.get("id"));
                double w = Double.parseDouble(r.get("weight_audio")) + Double.parseDouble(r.get("weight_visual"));
                assertEquals(1.0, w, 1e-5, "the weights of a clip sum to one");
            }
        }
        assertEquals(testIds, new TreeSet<>(parsed));
        assertEquals(testIds.size(), parsed.size());
        // predictions.csv too
        assertEquals(testIds, new TreeSet<>(RunSummary.open(o.runDir()).predictions().byClip().keySet()));

        // the gating inspector shows them
        GatingViewModel vm = new GatingViewModel(new CurrentThreadTaskExecutor());
        vm.load(o.runDir());
        assertEquals(testIds, new TreeSet<>(vm.rows().stream().map(GatingTable.Row::id).toList()));
        assertEquals(List.of("audio", "visual"), List.copyOf(vm.modalities()));
    }
}
