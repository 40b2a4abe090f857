package org.iibalance.experiment.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.iibalance.run.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The array script picks the right trial and the right train command; no Slurm needed (bash runs it with a stand-in java). */
class ArrayScriptTest {
    @TempDir
    Path tmp;

    @Test
    void indicesBecomeSbatchArrayRangesAndBack() {
        assertEquals("0-3,5,7-9", ArrayScript.ranges(List.of(9, 0, 1, 2, 3, 5, 7, 8)));
        assertEquals("4", ArrayScript.ranges(List.of(4)));
        assertEquals("", ArrayScript.ranges(List.of()));
        assertEquals(Set.of(0, 1, 2, 3, 5, 7, 8, 9), ArrayScript.parseRanges("0-3,5,7-9"));
    }

    @Test
    void eachTaskTrainsItsOwnFolderFreshResumesAStartedOneAndSkipsACompletedOne() throws Exception {
        // folder names with a space and a quote must reach train as one word each
        Path out = tmp.resolve("matrix folder");
        List<ClusterTrial> trials = List.of(new ClusterTrial(0, "a", out.resolve("t0 it's"), null), new ClusterTrial(1, "b", out.resolve("t1"), null),
                new ClusterTrial(2, "c", out.resolve("t2"), null));
        for (ClusterTrial t : trials) Files.createDirectories(t.dir());
        Files.writeString(trials.get(1).dir().resolve(RunFiles.configFileName()), "seed: 1\n");
        Files.writeString(trials.get(2).dir().resolve(RunFiles.stateFileName()), "{\n  \"state\" : \"completed\",\n  \"epochsCompleted\" : 3\n}\n");
        // the stand-in java prints one argument per line
        Path fakeJava = tmp.resolve("java");
        Files.writeString(fakeJava, "#!/bin/bash\nprintf '%s\\n' \"$@\"\n");
        fakeJava.toFile().setExecutable(true);
        SlurmSettings s = new SlurmSettings(null, null, 2, "1G", null, null, null, null, null, null, fakeJava.toString(), List.of("-Xmx1g"), "/scratch/cache", null);
        Path script = tmp.resolve("task.sh");
        Files.writeString(script, ArrayScript.task(trials, s, TaskLauncher.ofClassPath(s, "/x/classes"), out.resolve("slurm")));

        List<String> fresh = run(script, 0);
        int i = fresh.indexOf("train");
        assertEquals(List.of("-Dorg.bytedeco.javacpp.cachedir=/scratch/cache", "-Xmx1g", "-cp", "/x/classes", TaskLauncher.MAIN_CLASS), fresh.subList(i - 5, i));
        assertEquals(List.of("train", "--config", trials.get(0).dir().resolve(SlurmExecutor.TRIAL_CONFIG).toString(), "--run-dir", trials.get(0).dir().toString()),
                fresh.subList(i, fresh.size()));

        List<String> resumed = run(script, 1);
        assertEquals(List.of("train", "--resume", trials.get(1).dir().toString()), resumed.subList(resumed.indexOf("train"), resumed.size()));

        List<String> done = run(script, 2);
        assertTrue(!done.contains("train") && done.get(done.size() - 1).contains("already completed"), String.join("\n", done));

        String text = Files.readString(script);
        assertTrue(text.contains("#SBATCH --cpus-per-task=2\n") && text.contains("#SBATCH --mem=1G\n") && text.contains("#SBATCH --requeue\n"), text);
    }

    private static List<String> run(Path script, int task) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().put("SLURM_ARRAY_TASK_ID", String.valueOf(task));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().toList();
    }
}
