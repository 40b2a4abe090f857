package org.iibalance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The checkpoint swap survives a crash at any point: recovery finds the newest complete checkpoint and cleans the rest. */
class CheckpointSlotTest {
    /** A simulated crash: an Error, so no cleanup code catches it. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash");
        }
    }

    @AfterEach
    void noSeams() {
        CheckpointSlot.injectCrash(null);
        SafeFiles.injectFault(null);
    }

    /** A checkpoint of epoch {@code e}: weights bytes that say which epoch, then its state. */
    static CheckpointSlot.Content epoch(int e) {
        return d -> {
            SafeFiles.write(d.resolve(RunFiles.CHECKPOINT_MODEL), "weights of epoch " + e);
            new CheckpointState(e, 0.1 * e, e, 10L * e, 0, Map.of()).write(d);
        };
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(CheckpointSlot.Step.class)
    void aCrashAfterAnyStepLeavesTheNewCheckpointToResumeFrom(CheckpointSlot.Step at, @TempDir Path runDir) throws Exception {
        Path last = runDir.resolve("checkpoints/last");
        CheckpointSlot.commit(last, epoch(1));
        CheckpointSlot.injectCrash((step, dir) -> {
            if (step == at) throw new Crash();
        });
        assertThrows(Crash.class, () -> CheckpointSlot.commit(last, epoch(2)));
        CheckpointSlot.injectCrash(null);

        assertTrue(CheckpointSlot.recover(last));
        // the new checkpoint was complete at every step: it is the newest complete one
        assertEquals(2, CheckpointState.read(last).epochsCompleted(), "crash after " + at);
        assertEquals("weights of epoch 2", Files.readString(last.resolve(RunFiles.CHECKPOINT_MODEL)));
        assertEquals(List.of("last"), names(runDir.resolve("checkpoints")), "no .old or .tmp left");
    }

    @Test
    void aCrashWhileTheNewCheckpointIsWrittenKeepsThePreviousOne(@TempDir Path runDir) throws Exception {
        Path last = runDir.resolve("checkpoints/last");
        CheckpointSlot.commit(last, epoch(1));
        // the weights are written, the process dies before the state
        SafeFiles.injectFault(file -> {
            if (file.getFileName().toString().equals(RunFiles.CHECKPOINT_STATE) && file.getParent().getFileName().toString().equals("last.tmp")) throw new Crash();
        });
        assertThrows(Crash.class, () -> CheckpointSlot.commit(last, epoch(2)));
        SafeFiles.injectFault(null);
        assertTrue(Files.exists(runDir.resolve("checkpoints/last.tmp/model.pt")), "the crash left a partial checkpoint");

        assertTrue(CheckpointSlot.recover(last));
        assertEquals(1, CheckpointState.read(last).epochsCompleted());
        assertEquals(List.of("last"), names(runDir.resolve("checkpoints")));
    }

    @Test
    void onlyTheOldCheckpointLeftIsFound(@TempDir Path runDir) throws Exception {
        // the reported crash: last moved to last.old, the new one not yet in place and incomplete
        Path last = runDir.resolve("checkpoints/last");
        CheckpointSlot.commit(last, epoch(3));
        Files.move(last, runDir.resolve("checkpoints/last.old"));
        Files.createDirectories(runDir.resolve("checkpoints/last.tmp"));
        Files.writeString(runDir.resolve("checkpoints/last.tmp/model.pt"), "half");
        assertTrue(CheckpointSlot.recover(last));
        assertEquals(3, CheckpointState.read(last).epochsCompleted());
        assertEquals(List.of("last"), names(runDir.resolve("checkpoints")));
    }

    @Test
    void aFailedWriteKeepsThePreviousCheckpointAndCleansTheTemporaryFolder(@TempDir Path runDir) throws Exception {
        Path last = runDir.resolve("checkpoints/last");
        CheckpointSlot.commit(last, epoch(1));
        SafeFiles.injectFault(file -> {
            throw new IOException("No space left on device");
        });
        IOException e = assertThrows(IOException.class, () -> CheckpointSlot.commit(last, epoch(2)));
        assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains(RunFiles.CHECKPOINT_MODEL), e.getMessage());
        assertEquals(List.of("last"), names(runDir.resolve("checkpoints")));
        assertEquals(1, CheckpointState.read(last).epochsCompleted());
    }

    @Test
    void aCorruptCheckpointStateIsNamed(@TempDir Path runDir) throws Exception {
        Path last = runDir.resolve("checkpoints/last");
        CheckpointSlot.commit(last, epoch(1));
        Files.writeString(last.resolve(RunFiles.CHECKPOINT_STATE), "{\"epochsCompleted\": 1, ");
        IOException e = assertThrows(IOException.class, () -> CheckpointSlot.recover(last));
        assertTrue(e.getMessage().startsWith(last.resolve(RunFiles.CHECKPOINT_STATE).toString()), e.getMessage());
        assertTrue(Files.exists(last.resolve(RunFiles.CHECKPOINT_MODEL)), "nothing deleted");
        assertFalse(Files.exists(runDir.resolve("checkpoints/last.old")));
    }
}
