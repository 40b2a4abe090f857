package org.iibalance.gui.gating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Tag;
import org.iibalance.SharedData;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.gui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inspector on a real dataset (AV-MNIST from the shared data, skipped without it): selecting a
 * test clip reloads the run's dataset and decodes the clip's recording, ready to play.
 */
@Tag("slow")
class RealClipInspectorTest {

    @Test
    void aRealAvMnistClipGetsItsRecordingDecoded(@TempDir Path run) throws Exception {
        Path data = SharedData.require("mnist", "fsdd/recordings");
        ExperimentConfig cfg = ConfigIO.load(Path.of("sample-configs/avmnist.yaml"),
                List.of("dataset.root=" + data.toAbsolutePath(), "dataset.maxTrain=200", "dataset.maxVal=50", "dataset.maxTest=20"));
        org.iibalance.run.RunFolder folder = org.iibalance.run.RunFolder.createAt(run);
        folder.writeConfig(cfg, "test run folder");
        folder.writeResults(org.iibalance.run.Results.builder().run("iibalance", "avmnist", 1, "test").build());
        folder.writeState(org.iibalance.run.RunState.COMPLETED, null, 1);
        Files.writeString(run.resolve("gating.csv"), "id,label,prediction,correct,weight_audio,weight_visual,u_audio,u_visual\n"
                + "test-00000,0,0,true,0.6,0.4,0.5,0.7\n");
        GatingViewModel vm = new GatingViewModel(new CurrentThreadTaskExecutor());
        vm.load(run);
        vm.selectedProperty().set(vm.rows().get(0)); // synchronous executor: dataset reload and decoding happen here
        ClipDetail d = vm.detailProperty().get();
        assertNotNull(d.audio(), d.note() + " | " + vm.statusProperty().get());
        assertEquals(16000, d.sampleRate());
        assertTrue(d.audio().length > 1000, "samples: " + d.audio().length);
        assertTrue(d.note().startsWith("audio decoded from "), d.note());
    }
}
