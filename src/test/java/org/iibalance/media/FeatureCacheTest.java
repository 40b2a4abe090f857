package org.iibalance.media;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAndRejectsDamagedEntries() throws Exception {
        FeatureCache c = new FeatureCache(dir);
        float[] a = {1.5f, -2f, 3.25f};
        c.put("k1", a);
        assertArrayEquals(a, c.get("k1"));
        float[] frames = new float[256];
        for (int i = 0; i < 256; i++) frames[i] = i / 255f;
        c.putFrames("k2", frames);
        assertArrayEquals(frames, c.getFrames("k2"), "8-bit frames come back exactly");
        assertEquals(256 + 8 + 12 + 2, Files.size(c.pathOf("k2")));
        // flip one payload byte: bad checksum
        byte[] b = Files.readAllBytes(c.pathOf("k1"));
        b[b.length - 10] ^= 1;
        Files.write(c.pathOf("k1"), b);
        assertNull(c.get("k1"));
        assertEquals(1, c.broken());
        assertFalse(Files.exists(c.pathOf("k1")), "a broken entry is deleted");
        assertNull(c.get("k2"), "a frames entry is not read as floats");
        assertNull(c.get("absent"));
        try (var s = Files.list(c.pathOf("k2").getParent())) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary files left");
        }
    }
}
