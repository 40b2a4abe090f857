package org.iibalance.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.iibalance.media.FeatureCache;

/**
 * AV-MNIST's PCA fitted on the 55000 training images against read back from the cache (not a test:
 * prints figures). Run from the project root after {@code mvn test-compile}:
 * {@code java -cp "target/classes:target/test-classes:target/app/lib/*" org.iibalance.data.PcaCacheBenchmark [repeats]}
 * (after {@code mvn -DskipTests package}); the data root is {@code ../shared/data}.
 */
public final class PcaCacheBenchmark {
    private PcaCacheBenchmark() {}

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path mnist = Path.of("../shared/data/mnist").toAbsolutePath().normalize();
        Path images = mnist.resolve(AvMnistDataset.TRAIN_IMAGES);
        float[][] rows = Arrays.copyOf(MnistIdx.images(images, AvMnistDataset.TRAIN_ROWS), AvMnistDataset.TRAIN_ROWS);
        Path dir = Files.createTempDirectory("pca-cache-bench");
        PcaCache cache = new PcaCache(new FeatureCache(dir), s -> {});
        double[] fit = new double[repeats], read = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            Pca p = Pca.fitEnergy(rows, 0.25);
            fit[r] = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            String key = PcaCache.key(PcaCache.sha256(images), AvMnistDataset.TRAIN_ROWS, "keepEnergy=0.25"); // hashing is part of a cached load
            if (r == 0) {
                cache.getOrFit(key, p.dims(), () -> p); // stored under the key a load computes (untimed: the first round only)
                t1 = System.nanoTime();
                key = PcaCache.key(PcaCache.sha256(images), AvMnistDataset.TRAIN_ROWS, "keepEnergy=0.25");
            }
            Pca q = cache.getOrFit(key, p.dims(), () -> {
                throw new IllegalStateException("the cache must answer");
            });
            read[r] = (System.nanoTime() - t1) / 1e9;
            if (q.kept() != p.kept()) throw new IllegalStateException("mismatch");
        }
        System.out.printf(Locale.ROOT, "PCA on %d MNIST images (keepEnergy 0.25, %d cores visible): fit %s s; cache hash+read %s s%n",
                rows.length, Runtime.getRuntime().availableProcessors(), Arrays.toString(round(fit)), Arrays.toString(round(read)));
    }

    private static double[] round(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.round(x[i] * 1000) / 1000.0;
        return y;
    }
}
