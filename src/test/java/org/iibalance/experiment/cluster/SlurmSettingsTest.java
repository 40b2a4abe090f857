package org.iibalance.experiment.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slurm settings: the keys become sbatch options; bad keys and values are refused by name. */
class SlurmSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void keysBecomeSbatchOptionsAndFlagsOverrideThem() throws Exception {
        Path f = tmp.resolve("slurm.yaml");
        Files.writeString(f, """
                partition: gpu
                account: lab42
                cpusPerTask: 4
                memory: 16G
                time: "04:00:00"
                gpusPerTask: 1
                arrayLimit: 8
                sbatch: ["--qos=normal"]
                """);
        SlurmSettings s = SlurmSettings.load(f);
        assertEquals(List.of("--job-name=iibalance", "--partition=gpu", "--account=lab42", "--ntasks=1", "--cpus-per-task=4", "--mem=16G", "--time=04:00:00",
                "--gpus-per-task=1", "--qos=normal"), s.sbatchOptions());
        SlurmSettings o = s.override("short", null, 2, null, null, 0, null, null, List.of("--constraint=avx2"), null, null, null);
        assertEquals(List.of("--job-name=iibalance", "--partition=short", "--account=lab42", "--ntasks=1", "--cpus-per-task=2", "--mem=16G", "--time=04:00:00",
                "--qos=normal", "--constraint=avx2"), o.sbatchOptions());
        assertEquals(8, o.arrayLimit());
        // what is written beside the script reads back the same
        Path back = tmp.resolve("back.yaml");
        Files.writeString(back, o.toYaml());
        assertEquals(o, SlurmSettings.load(back));
    }

    @Test
    void unknownKeysAndBadValuesAreRefusedByName() throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "partiton: gpu\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SlurmSettings.load(f));
        assertTrue(e.getMessage().contains("partiton") && e.getMessage().contains("unknown key"), e.getMessage());

        Files.writeString(f, "memory: lots\ncpusPerTask: 0\nsbatch: [\"--array=0-3\"]\n");
        e = assertThrows(ConfigException.class, () -> SlurmSettings.load(f));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("memory") && e.getMessage().contains("cpusPerTask") && e.getMessage().contains("arrayLimit"), e.getMessage());
    }
}
