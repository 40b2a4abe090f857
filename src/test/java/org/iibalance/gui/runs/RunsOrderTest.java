package org.iibalance.gui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.iibalance.gui.util.CurrentThreadTaskExecutor;
import org.iibalance.run.RunFiles;
import org.iibalance.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runs table's order: newest first by when each run started (its config.yaml's time), so a
 * sweep's trial sits among the runs of its time; runs that started at the same time by their name.
 */
class RunsOrderTest {

    /** The fixture IIBalance run copied to {@code dst}, its config.yaml dated {@code millis}. */
    private static void run(Path dst, long millis) throws Exception {
        Path src = Path.of(RunsOrderTest.class.getResource("/org/iibalance/run/fixture/20261201-115113-fixture-iibalance").toURI());
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) Files.copy(f, dst.resolve(f.getFileName()));
        }
        Files.setLastModifiedTime(RunFiles.config(dst), FileTime.fromMillis(millis));
    }

    @Test
    void newestStartFirstAndTiesByName(@TempDir Path runs) throws Exception {
        long t = 1_780_000_000_000L;
        run(runs.resolve("oldest"), t);
        run(runs.resolve("sweep-1").resolve("trial-b"), t + 2000);
        run(runs.resolve("newest"), t + 3000);
        run(runs.resolve("c-same"), t + 1000);
        run(runs.resolve("a-same"), t + 1000);
        run(runs.resolve("sweep-1").resolve("trial-a"), t + 2000);
        RunsViewModel vm = new RunsViewModel(new CurrentThreadTaskExecutor(), runs);
        List<String> order = vm.scan(runs).stream().map(RunSummary::dir).map(d -> runs.relativize(d).toString()).toList();
        assertEquals(List.of("newest", "sweep-1/trial-a", "sweep-1/trial-b", "a-same", "c-same", "oldest"), order);
    }
}
