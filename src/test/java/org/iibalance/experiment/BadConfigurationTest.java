package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad configuration is refused before training starts, naming the key and what is allowed. */
class BadConfigurationTest {

    private static ConfigException refused(Path runs, String... overrides) {
        ExperimentConfig cfg;
        try {
            cfg = ConfigIO.withOverrides(TestConfigs.tiny(runs, "iibalance"), List.of(overrides));
        } catch (ConfigException e) {
            return e;
        }
        ExperimentConfig c = cfg;
        ConfigException e = assertThrows(ConfigException.class, () -> new ExperimentRunner(c).run());
        assertFalse(Files.exists(runs) && runs.toFile().list().length > 0, "no run folder for a refused configuration");
        return e;
    }

    @Test
    void unknownKeyNamesTheAllowedKeys(@TempDir Path runs) {
        ConfigException e = refused(runs, "method.temperature=0.1");
        assertEquals("method.temperature", e.problems().get(0).key());
        assertTrue(e.getMessage().contains("unknown key 'temperature'") && e.getMessage().contains("tau, tauP"), e.getMessage());
    }

    @Test
    void unknownMethodListsTheMethods(@TempDir Path runs) {
        ConfigException e = refused(runs, "method.name=iibalnce");
        assertTrue(e.getMessage().contains("method.name") && e.getMessage().contains("'iibalnce' is not a method") && e.getMessage().contains("joint"), e.getMessage());
    }

    @Test
    void nonPositiveTauIsRefused(@TempDir Path runs) {
        assertTrue(refused(runs, "method.tau=0").getMessage().contains("method.tau"));
        assertTrue(refused(runs, "method.tau=-1").getMessage().contains("> 0"));
        assertTrue(refused(runs, "method.tauP=0").getMessage().contains("method.tauP"));
    }

    @Test
    void outOfRangeScheduleAndMomentumAreRefused(@TempDir Path runs) {
        assertTrue(refused(runs, "method.lambdaStart=1.5").getMessage().contains("method.lambdaStart"));
        assertTrue(refused(runs, "method.rho=1").getMessage().contains("method.rho"));
        assertTrue(refused(runs, "method.gamma=-0.1").getMessage().contains("method.gamma"));
    }

    @Test
    void pretrainingOptionsAreCheckedAndTheLegacyWarmStartPointsToTheNewKey(@TempDir Path runs) {
        ConfigException legacy = refused(runs, "method.warmStart=false");
        assertEquals("method.warmStart", legacy.problems().get(0).key());
        assertTrue(legacy.getMessage().contains("method.unimodalPretraining: none"), legacy.getMessage());
        assertTrue(refused(runs, "method.unimodalPretraining=some").getMessage().contains("allowed: all"));
        assertTrue(refused(runs, "method.unimodalPretraining=none", "method.fusionWarmStart=true").getMessage().contains("method.fusionWarmStart"));
    }

    @Test
    void avMnistKeysAreChecked(@TempDir Path runs) {
        assertTrue(refused(runs, "dataset.avmnist.keepEnergy=0").getMessage().contains("dataset.avmnist.keepEnergy"));
        assertTrue(refused(runs, "dataset.avmnist.keepEnergy=1.5").getMessage().contains("(0, 1]"));
        assertTrue(refused(runs, "dataset.avmnist.sampleRate=500").getMessage().contains("native 8000 Hz"));
        assertTrue(refused(runs, "dataset.avmnist.pcaComponentFraction=2").getMessage().contains("keepEnergy"));
    }

    @Test
    void missingDatasetFolderIsNamed(@TempDir Path runs) {
        ConfigException e = refused(runs, "dataset.kind=avmnist", "dataset.root=/no/such/folder");
        assertTrue(e.getMessage().contains("dataset.root") && e.getMessage().contains("/no/such/folder"), e.getMessage());
    }

    @Test
    void unknownDatasetKindAndDeviceAreRefused(@TempDir Path runs) {
        assertTrue(refused(runs, "dataset.kind=imagenet").getMessage().contains("synthetic-av"));
        assertTrue(refused(runs, "device=gpu0").getMessage().contains("cpu, cuda, cuda:N, auto"));
    }

    @Test
    void wrongValueTypeIsNamed(@TempDir Path runs) {
        ConfigException e = refused(runs, "training.epochs=many");
        assertEquals("training.epochs", e.problems().get(0).key());
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
    }

    @Test
    void badYamlFileIsNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "method: [unclosed\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigIO.load(f, List.of()));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("not valid YAML"), e.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigIO.load(dir.resolve("none.yaml"), List.of()));
        assertTrue(missing.getMessage().contains("does not exist"));
    }
}
