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
        // run from classes the jar is <project>/target/app/iibalance.jar: the command names the project's sample config
        assertTrue(cmd.contains(" --config " + Path.of("sample-configs/demo.yaml").toAbsolutePath().normalize() + " "), cmd);
        assertEquals(demo, configOf(cmd), "the copied command builds the same configuration: " + cmd);
    }

    @Test
    void withoutAFileTheCopiedCommandSetsEveryKeyThatDiffersFromTheDefaults() throws Exception {
        SetupViewModel vm = new SetupViewModel(new CurrentThreadTaskExecutor());
        vm.set("method.tau", "0.5");
        vm.set("dataset.synthetic.trainClips", "640");
        String cmd = vm.cliCommand();
        assertTrue(!cmd.contains("--config"), cmd);
        assertEquals(vm.config(), configOf(cmd), "the copied command builds the same configuration: " + cmd);
    }

    /** The configuration a {@code java -jar ... train [--config F] [--set k=v]...} command line builds. */
    private static ExperimentConfig configOf(String cmd) throws Exception {
        List<String> words = new java.util.ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false, any = false;
        for (char ch : cmd.toCharArray()) {
            if (ch == '\'' ) {
                quoted = !quoted;
                any = true;
            } else if (ch == ' ' && !quoted) {
                if (any || w.length() > 0) words.add(w.toString());
                w.setLength(0);
                any = false;
            } else {
                w.append(ch);
            }
        }
        if (any || w.length() > 0) words.add(w.toString());
        String config = null;
        List<String> sets = new java.util.ArrayList<>();
        for (int i = words.indexOf("train") + 1; i < words.size(); i += 2) {
            if (words.get(i).equals("--config")) config = words.get(i + 1);
            else if (words.get(i).equals("--set")) sets.add(words.get(i + 1));
            else throw new AssertionError("unexpected word " + words.get(i) + " in " + cmd);
        }
        return config != null ? ConfigIO.load(Path.of(config), sets) : ConfigIO.withOverrides(ExperimentConfig.defaults(), sets);
    }
}
