package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.media.FeatureCache;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AV-MNIST's PCA kept in the feature cache: reused bit for bit, and a broken entry refitted. */
class PcaCacheTest {
    @TempDir
    Path tmp;

    private static float[][] rows(int n, int d, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][d];
        for (float[] row : x) for (int i = 0; i < d; i++) row[i] = r.nextFloat() < 0.5f ? 0f : r.nextFloat();
        return x;
    }

    @Test
    void storedProjectionReconstructsBitForBit() {
        float[][] x = rows(200, 30, 1);
        Pca p = Pca.fitEnergy(x, 0.5);
        Pca q = Pca.fromArray(p.toArray());
        assertNotNull(q);
        assertEquals(p.kept(), q.kept());
        for (float[] row : x) assertArrayEquals(p.reconstruct(row), q.reconstruct(row));
    }

    @Test
    void notAProjectionIsRefused() {
        float[] a = Pca.fit(rows(50, 10, 2), 3).toArray();
        assertNull(Pca.fromArray(java.util.Arrays.copyOf(a, a.length - 1)), "wrong length");
        float[] nan = a.clone();
        nan[5] = Float.NaN;
        assertNull(Pca.fromArray(nan), "non-finite value");
        float[] k = a.clone();
        k[1] = 11; // more components than dimensions
        assertNull(Pca.fromArray(k));
    }

    @Test
    void secondCallReadsTheCacheAndAMismatchedEntryIsRefitted() {
        FeatureCache fc = new FeatureCache(tmp.resolve("cache"));
        List<String> log = new ArrayList<>();
        PcaCache cache = new PcaCache(fc, log::add);
        float[][] x = rows(100, 12, 3);
        int[] fits = {0};
        Pca first = cache.getOrFit("k", 12, () -> {
            fits[0]++;
            return Pca.fit(x, 2);
        });
        Pca second = cache.getOrFit("k", 12, () -> {
            fits[0]++;
            return Pca.fit(x, 2);
        });
        assertEquals(1, fits[0], "the second call must not refit");
        assertArrayEquals(first.reconstruct(x[7]), second.reconstruct(x[7]));
        // an intact entry of another dimension under the key is not trusted
        Pca other = cache.getOrFit("k", 13, () -> {
            fits[0]++;
            return Pca.fit(rows(100, 13, 4), 2);
        });
        assertEquals(2, fits[0]);
        assertEquals(13, other.dims());
        assertTrue(log.stream().anyMatch(l -> l.contains("does not hold a 13-dimensional projection")), () -> String.join("\n", log));
    }

    @Tag("slow")
    @Test
    void secondLoadUsesTheCacheWithIdenticalClipsAndACorruptEntryIsRefitted() throws Exception {
        Path data = AvMnistDatasetTest.sharedData();
        ExperimentConfig cfg = withCache(AvMnistDatasetTest.config(data.toString(), 60, 20, 30, 5), tmp.resolve("cache"));
        List<String> p1 = new ArrayList<>(), p2 = new ArrayList<>(), p3 = new ArrayList<>();
        MultimodalDataset a = new AvMnistDataset().load(cfg, p1::add);
        assertTrue(p1.stream().anyMatch(l -> l.contains("fitting PCA")), () -> String.join("\n", p1));
        assertTrue(p1.stream().anyMatch(l -> l.contains("PCA stored in the cache")), () -> String.join("\n", p1));
        Path entry = onlyEntry(tmp.resolve("cache"));

        MultimodalDataset b = new AvMnistDataset().load(cfg, p2::add);
        assertTrue(p2.stream().anyMatch(l -> l.contains("PCA read from the cache")), () -> String.join("\n", p2));
        assertFalse(p2.stream().anyMatch(l -> l.contains("fitting PCA")), () -> String.join("\n", p2));
        assertSameClips(a, b);

        // flip one byte inside the stored projection: the checksum no longer matches
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(entry, bytes);
        MultimodalDataset c = new AvMnistDataset().load(cfg, p3::add);
        assertTrue(p3.stream().anyMatch(l -> l.contains("is corrupt") && l.contains("refitted")), () -> String.join("\n", p3));
        assertTrue(p3.stream().anyMatch(l -> l.contains("fitting PCA")), () -> String.join("\n", p3));
        assertSameClips(a, c);
        assertTrue(Files.isRegularFile(entry), "the refitted PCA is stored again");
    }

    @Tag("slow")
    @Test
    void theImagesAreHashedOnlyWhenTheCacheIsUsed() throws Exception {
        Path data = AvMnistDatasetTest.sharedData();
        List<Path> hashed = java.util.Collections.synchronizedList(new ArrayList<>());
        AvMnistDataset.ContentHash observed = f -> {
            hashed.add(f);
            return PcaCache.sha256(f);
        };
        List<String> base = List.of("dataset.kind=avmnist", "dataset.root=" + data, "dataset.maxTrain=20", "dataset.maxVal=10", "dataset.maxTest=10",
                "dataset.cacheDir=" + tmp.resolve("cache"));
        List<String> off = new ArrayList<>(base);
        off.add("dataset.media.cache=false");
        List<String> p1 = new ArrayList<>();
        MultimodalDataset a = new AvMnistDataset(observed).load(org.iibalance.config.ConfigIO.load(null, off), p1::add);
        assertEquals(List.of(), hashed, "cache off: the training images are not hashed");
        assertTrue(p1.stream().anyMatch(l -> l.contains("fitting PCA")), () -> String.join("\n", p1));
        assertFalse(Files.exists(tmp.resolve("cache")), "and nothing is written to the cache folder");

        MultimodalDataset b = new AvMnistDataset(observed).load(org.iibalance.config.ConfigIO.load(null, base), s -> {});
        assertEquals(List.of(data.resolve("mnist").resolve(AvMnistDataset.TRAIN_IMAGES).toAbsolutePath().normalize()), hashed,
                "cache on: the training images are hashed once, for the entry's key");
        onlyEntry(tmp.resolve("cache"));
        assertSameClips(a, b);
    }

    private static void assertSameClips(MultimodalDataset x, MultimodalDataset y) {
        List<List<Clip>> xs = List.of(x.train(), x.val(), x.test()), ys = List.of(y.train(), y.val(), y.test());
        for (int s = 0; s < 3; s++) {
            assertEquals(xs.get(s).size(), ys.get(s).size());
            for (int i = 0; i < xs.get(s).size(); i++) {
                for (int m = 0; m < 2; m++) assertArrayEquals(xs.get(s).get(i).input(m), ys.get(s).get(i).input(m), xs.get(s).get(i).id());
            }
        }
    }

    private static Path onlyEntry(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> bins = s.filter(p -> p.toString().endsWith(".bin")).toList();
            assertEquals(1, bins.size(), () -> "entries: " + bins);
            return bins.get(0);
        }
    }

    static ExperimentConfig withCache(ExperimentConfig c, Path cacheDir) {
        try {
            return org.iibalance.config.ConfigIO.withOverrides(c, List.of("dataset.cacheDir=" + cacheDir));
        } catch (org.iibalance.config.ConfigException e) {
            throw new IllegalStateException(e);
        }
    }
}
