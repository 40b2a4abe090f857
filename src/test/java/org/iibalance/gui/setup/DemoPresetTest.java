package org.iibalance.gui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.gui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;

/** The GUI's "Demo (1 min)" choice is sample-configs/demo.yaml, and its CLI command reproduces it. */
class DemoPresetTest {

    @Test
    void thePackagedPresetIsTheSampleConfig() throws Exception {
        assertEquals(Files.readString(Path.of("sample-configs/demo.yaml")), SetupViewModel.presetText(SetupViewModel.DEMO_PRESET));
    }

    @Test
    void loadingThePresetKeepsTheRunsDirAndTheCopiedCommandReproducesIt() throws Exception {
        SetupViewModel vm = new SetupViewModel(new CurrentThreadTaskExecutor());
        vm.set("output.runsDir", "/tmp/elsewhere");
        vm.loadPreset(SetupViewModel.DEMO_PRESET);
        ExperimentConfig demo = ConfigIO.load(Path.of("sample-configs/demo.yaml"), List.of("output.runsDir=/tmp/elsewhere"));
        assertEquals(demo, vm.config());
        String cmd = vm.cliCommand();
        assertTrue(cmd.startsWith("java -jar /"), "an absolute jar path: " + cmd);
        assertTrue(cmd.contains("dataset.synthetic.trainClips=640") || cmd.contains("demo.yaml"), cmd);
    }
}
