package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.Tag;
import org.iibalance.SharedData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clip-folder loader on the real avmnist-clips files of ../shared/data (not copied into the project). */
@Tag("slow")
class AvMnistClipsTest {
    @TempDir
    Path cache;

    static Path clipsRoot() {
        return SharedData.require("avmnist-clips").resolve("avmnist-clips");
    }

    @Test
    void loadsTenClassesWithTheRightCounts() throws Exception {
        ExperimentConfig c = ConfigIO.load(Path.of("sample-configs/clips.yaml"),
                List.of("dataset.root=" + clipsRoot(), "dataset.cacheDir=" + cache));
        MultimodalDataset d = Datasets.load(c, s -> {});
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.classNames());
        assertTrue(d.skipped().isEmpty(), d.skipped().toString());
        assertEquals(100, d.test().size());
        assertEquals(240, d.train().size() + d.val().size());
        assertEquals(20, d.val().size(), "valFraction 0.1 of 24 clips per digit: 2 per digit");
        for (int n : MultimodalDataset.perClass(d.test(), 10)) assertEquals(10, n);
        for (int n : MultimodalDataset.perClass(d.val(), 10)) assertEquals(2, n);
        assertArrayEquals(new long[] {3, 3, 28, 28}, d.modalities().get(1).shape());
        assertTrue(d.test().stream().allMatch(x -> "yweweler".equals(x.meta().get("speaker"))));
        assertTrue(AvClipLoader.lastReport().notes().stream().anyMatch(n -> n.contains("no val/ folder")));
    }
}
