package org.iibalance.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.iibalance.config.ConfigException;
import org.iibalance.run.CheckpointSlot;
import org.iibalance.run.Provenance;
import org.iibalance.run.RunLock;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;
import org.iibalance.run.SafeFiles;
import org.iibalance.run.StateFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run records a researcher can trust: a failed write ends the run as failed naming the file (and a
 * matrix goes on), crashes between checkpoint renames resume to the uninterrupted result, a held
 * folder is refused, bad checkpoints are named without losing the recorded epochs, every run has its
 * provenance and run.log.
 */
class RunRecordsTest {
    /** A simulated crash: an Error, so no cleanup code catches it. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash");
        }
    }

    @AfterEach
    void noSeams() {
        SafeFiles.injectFault(null);
        CheckpointSlot.injectCrash(null);
    }

    static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp") || p.getFileName().toString().endsWith(".old")).toList();
        }
    }

    @Test
    void aFullDiskWhileCheckpointingEndsTheRunFailedNamingTheFileAndCleansUp(@TempDir Path runs) throws Exception {
        SafeFiles.injectFault(f -> {
            if (f.getFileName().toString().equals("model.pt")) throw new IOException("No space left on device");
        });
        RunOutcome o = new ExperimentRunner(TestConfigs.tiny(runs, "joint")).run();
        assertEquals(RunState.FAILED, o.state());
        StateFile st = RunSummary.stateOf(o.runDir());
        assertEquals(RunState.FAILED, st.state());
        assertTrue(st.reason().contains("No space left on device") && st.reason().contains("model.pt") && st.reason().contains(o.runDir().toString()),
                st.reason());
        assertEquals(List.of(), leftovers(o.runDir()), "no temporary files left");
        assertTrue(Files.readString(o.runDir().resolve("run.log")).contains("FAILED: cannot write"), "run.log has the failure");
    }

    @Test
    void aMatrixGoesOnWithItsOtherTrialsWhenOneCannotWrite(@TempDir Path tmp) throws Exception {
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
        Files.writeString(tmp.resolve("matrix.yaml"), """
                seeds: [1, 2]
                parallel: 1
                methods: [joint]
                datasets:
                  - name: tiny
                    config: tiny.yaml
                """);
        AtomicReference<Path> victim = new AtomicReference<>();
        SafeFiles.injectFault(f -> {
            if (!f.getFileName().toString().equals("model.pt")) return;
            Path run = f.getParent().getParent().getParent(); // run/checkpoints/<slot>.tmp/model.pt
            victim.compareAndSet(null, run);
            if (run.equals(victim.get())) throw new IOException("No space left on device");
        });
        List<RunOutcome> all = new MatrixRunner(MatrixSpec.load(tmp.resolve("matrix.yaml")), tmp.resolve("out"), 1).run();
        assertEquals(2, all.size());
        RunOutcome failed = all.stream().filter(o -> o.state() == RunState.FAILED).findFirst().orElseThrow();
        assertEquals(victim.get(), failed.runDir());
        assertTrue(failed.reason().contains("No space left on device"), failed.reason());
        assertEquals(1, all.stream().filter(o -> o.state() == RunState.COMPLETED).count(),
                "the other trial completed: " + all.stream().map(o -> o.state() + " " + o.reason()).toList());
        assertEquals(List.of(), leftovers(failed.runDir()));
    }

    /** Mounts a small tmpfs (root and permission to mount needed); null when not permitted here. */
    static Path tmpfs(Path at, String size) throws Exception {
        Files.createDirectories(at);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return p.waitFor() == 0 ? at : null;
    }

    @Test
    void aReallyFullDiskEndsTheRunFailedWithoutKillingTheJvm(@TempDir Path tmp) throws Exception {
        Path disk;
        try {
            disk = tmpfs(tmp.resolve("disk"), "2m");
        } catch (IOException noMount) {
            disk = null;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(disk != null, "mounting a tmpfs is not permitted here (needs root and CAP_SYS_ADMIN); "
                + "the injected-fault tests cover the same path");
        try {
            Path runs = disk.resolve("runs");
            Path filler = disk.resolve("filler");
            // fill the disk once training starts: the first epoch's writes meet a full disk
            RunOutcome o = new ExperimentRunner(TestConfigs.tiny(runs, "joint")).optListener(e -> {
                if (e instanceof TrainingEvent.TrainingStarted) fill(filler);
            }).run();
            assertEquals(RunState.FAILED, o.state(), o.reason());
            assertTrue(o.reason().contains("No space left on device"), o.reason());
            StateFile st = RunSummary.stateOf(o.runDir());
            assertEquals(RunState.FAILED, st.state(), "state.json says failed, not running");
            assertTrue(st.reason().contains("cannot write " + o.runDir()), st.reason());
            assertEquals(List.of(), leftovers(o.runDir()));
        } finally {
            new ProcessBuilder("umount", disk.toString()).start().waitFor();
        }
    }

    private static void fill(Path filler) {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) out.write(block);
        } catch (IOException full) {
            // the disk is full now
        }
    }

    @Test
    void aCrashBetweenTheCheckpointRenamesResumesToTheUninterruptedRun(@TempDir Path runs) throws Exception {
        RunOutcome full = new ExperimentRunner(TestConfigs.tiny(runs.resolve("full"), "joint")).run();
        assertEquals(RunState.COMPLETED, full.state(), full.reason());
        for (CheckpointSlot.Step at : List.of(CheckpointSlot.Step.OLD_SET_ASIDE, CheckpointSlot.Step.WRITTEN)) {
            // the process dies in epoch 2's swap of checkpoints/last, at the step
            CheckpointSlot.injectCrash((step, dir) -> {
                if (step == at && dir.getFileName().toString().equals("last") && count(dir.resolveSibling("last.tmp")) == 2) throw new Crash();
            });
            Path crashedRuns = runs.resolve("crash-" + at);
            try {
                RunOutcome o = new ExperimentRunner(TestConfigs.tiny(crashedRuns, "joint")).run();
                org.junit.jupiter.api.Assertions.fail("the run did not reach the crash: " + o.state() + " " + o.reason());
            } catch (Crash expected) {
                // the process "died" here
            }
            CheckpointSlot.injectCrash(null);
            Path dir;
            try (Stream<Path> s = Files.list(crashedRuns)) {
                dir = s.findFirst().orElseThrow();
            }
            assertEquals(RunState.RUNNING, RunSummary.stateOf(dir).state(), "a crash leaves the state running");
            RunOutcome resumed = ExperimentRunner.resume(dir).run();
            assertEquals(RunState.COMPLETED, resumed.state(), resumed.reason());
            assertEquals(RunnerBehaviourTest.lossColumns(full.runDir()), RunnerBehaviourTest.lossColumns(dir), "crash at " + at + ": every metrics row, as uninterrupted");
            assertEquals(full.results().accMultimodal(), resumed.results().accMultimodal());
            assertEquals(List.of(), leftovers(dir));
        }
    }

    /** The epochs of the checkpoint in {@code dir} (0 when none): the crash hits the swap of epoch 2's checkpoint. */
    private static int count(Path dir) {
        try {
            return org.iibalance.run.CheckpointState.exists(dir) ? org.iibalance.run.CheckpointState.read(dir).epochsCompleted() : 0;
        } catch (IOException e) {
            return -1;
        }
    }

    /** A cancelled tiny run of 4 epochs, stopped in epoch 3 (2 checkpointed epochs). */
    static Path stoppedRun(Path runs) throws Exception {
        CancellationToken cancel = new CancellationToken();
        RunOutcome o = new ExperimentRunner(TestConfigs.tiny(runs, "joint", "training.epochs=4")).optCancellation(cancel).optListener(e -> {
            if (e instanceof TrainingEvent.StepCompleted s && s.epoch() == 3 && s.step() == 1) cancel.cancel();
        }).run();
        assertEquals(RunState.CANCELLED, o.state(), o.reason());
        assertEquals(2, RunSummary.stateOf(o.runDir()).epochsCompleted());
        return o.runDir();
    }

    @Test
    void aSecondResumeOfAHeldFolderIsRefusedNamingTheFolderAndHolder(@TempDir Path runs) throws Exception {
        Path dir = stoppedRun(runs);
        String stateBefore = Files.readString(dir.resolve("state.json"));
        try (RunLock held = RunLock.acquire(dir)) {
            ConfigException e = assertThrows(ConfigException.class, () -> ExperimentRunner.resume(dir).run());
            assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("in use") && e.getMessage().contains("pid "), e.getMessage());
        }
        assertEquals(stateBefore, Files.readString(dir.resolve("state.json")), "the refused run wrote nothing");
    }

    @Test
    void aCorruptCheckpointStateIsNamedAndTheRecordedEpochsKept(@TempDir Path runs) throws Exception {
        Path dir = stoppedRun(runs);
        Path state = dir.resolve("checkpoints/last/state.json");
        Files.writeString(state, "{\"epochsCompleted\": 2, \"best");
        RunOutcome o = ExperimentRunner.resume(dir).run();
        assertEquals(RunState.FAILED, o.state());
        StateFile st = RunSummary.stateOf(dir);
        assertTrue(st.reason().contains(state.toString()), st.reason());
        assertEquals(2, st.epochsCompleted(), "epochsCompleted not reset");
    }

    @Test
    void aCorruptModelIsNamedWithoutNativeFramesAndTheRecordedEpochsKept(@TempDir Path runs) throws Exception {
        Path dir = stoppedRun(runs);
        Path model = dir.resolve("checkpoints/last/model.pt");
        byte[] b = Files.readAllBytes(model);
        Files.write(model, java.util.Arrays.copyOf(b, b.length / 3));
        RunOutcome o = ExperimentRunner.resume(dir).run();
        assertEquals(RunState.FAILED, o.state());
        StateFile st = RunSummary.stateOf(dir);
        assertTrue(st.reason().contains(model.toString()), st.reason());
        assertFalse(st.reason().contains("frame #") || st.reason().contains("Exception raised from") || st.reason().contains("\n"), st.reason());
        assertEquals(2, st.epochsCompleted(), "epochsCompleted not reset");
    }

    @Test
    void aRegularFileAsTheRunsFolderIsNamedAsAFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("notes.txt");
        Files.writeString(file, "x");
        ConfigException e = assertThrows(ConfigException.class, () -> new ExperimentRunner(TestConfigs.tiny(file, "joint")).run());
        assertTrue(e.getMessage().contains(file + " is a file, not a folder"), e.getMessage());
    }

    @Test
    void everyRunRecordsItsProvenanceAndItsLog(@TempDir Path runs) throws Exception {
        Instant before = Instant.now();
        RunOutcome o = new ExperimentRunner(TestConfigs.tiny(runs, "joint")).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        Provenance p = RunSummary.results(o.runDir()).provenance();
        assertNotNull(p);
        for (String f : List.of("workbench", "java", "libtorch", "javacpp", "os", "cpu", "host", "commandLine", "started", "ended")) {
            Object v = p.fields().get(f);
            assertTrue(v != null && !v.toString().isBlank() && !v.toString().contains("unknown"), f + " = " + v);
        }
        assertTrue(p.libtorch().matches("\\d+\\.\\d+\\.\\d+"), p.libtorch());
        assertTrue(p.javacpp().matches("\\d+\\.\\d+\\.\\d+.*"), p.javacpp());
        assertTrue(!Instant.parse(p.started()).isBefore(before.minusSeconds(1)) && !Instant.parse(p.ended()).isBefore(Instant.parse(p.started())));
        assertTrue(p.dataFingerprint().matches("sha256:[0-9a-f]{64}"), p.dataFingerprint());
        assertEquals(p.dataFingerprint(), RunSummary.results(o.runDir()).dataFingerprint());
        assertNull(p.dataSource(), "the loaders' 32-bit source hash is no longer recorded");
        assertFalse(Files.readString(o.runDir().resolve("results.json")).contains("dataSource"));
        if (p.gitCommit() != null) assertTrue(p.gitCommit().matches("[0-9a-f]{40}(-dirty)?"), p.gitCommit());
        String config = Files.readString(o.runDir().resolve("config.yaml"));
        assertTrue(config.contains("# dataFingerprint: " + p.dataFingerprint()) && config.contains("# host: " + p.host()), config);
        String log = Files.readString(o.runDir().resolve("run.log"));
        assertTrue(log.contains("train  epoch   3/3") && log.contains("done   test Acc_m"), log);

        // the same data gives the same content fingerprint; other data another
        RunOutcome same = new ExperimentRunner(TestConfigs.tiny(runs, "joint", "training.epochs=1")).run();
        assertEquals(p.dataFingerprint(), RunSummary.results(same.runDir()).provenance().dataFingerprint());
        RunOutcome other = new ExperimentRunner(TestConfigs.tiny(runs, "joint", "training.epochs=1", "dataset.synthetic.trainClips=95")).run();
        assertFalse(p.dataFingerprint().equals(RunSummary.results(other.runDir()).provenance().dataFingerprint()));
    }
}
