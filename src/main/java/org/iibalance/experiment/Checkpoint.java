package org.iibalance.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.bytedeco.pytorch.Optimizer;
import org.iibalance.config.ConfigIO;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Checkpoints;

/**
 * A checkpoint folder ({@code checkpoints/last} or {@code checkpoints/best}): {@code model.pt},
 * {@code optimizer.pt} and {@code state.json} (epochs done, best validation accuracy so far, global
 * step, the method's own state). Written into a temporary folder, then swapped in.
 */
public final class Checkpoint {
    private Checkpoint() {}

    /** What a checkpoint remembers besides weights. */
    public record Meta(int epochsCompleted, double bestValAccuracy, int bestEpoch, long globalStep, int epochsWithoutImprovement,
            Map<String, Object> methodState) {}

    public static void save(Path dir, MultimodalNetwork net, Optimizer opt, Meta meta) throws IOException {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        Checkpoints.saveModule(net, tmp.resolve("model.pt"));
        if (opt != null) Checkpoints.saveOptimizer(opt, tmp.resolve("optimizer.pt"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochsCompleted", meta.epochsCompleted());
        m.put("bestValAccuracy", meta.bestValAccuracy());
        m.put("bestEpoch", meta.bestEpoch());
        m.put("globalStep", meta.globalStep());
        m.put("epochsWithoutImprovement", meta.epochsWithoutImprovement());
        m.put("method", meta.methodState());
        ConfigIO.writeAtomically(tmp.resolve("state.json"), RunFolder.json().writeValueAsString(m));
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(dir)) Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    @SuppressWarnings("unchecked")
    public static Meta load(Path dir, MultimodalNetwork net, Optimizer opt) throws IOException {
        Checkpoints.loadModule(net, dir.resolve("model.pt"));
        if (opt != null && Files.exists(dir.resolve("optimizer.pt"))) Checkpoints.loadOptimizer(opt, dir.resolve("optimizer.pt"));
        Map<String, Object> m = RunFolder.json().readValue(dir.resolve("state.json").toFile(), Map.class);
        return new Meta(((Number) m.get("epochsCompleted")).intValue(), ((Number) m.get("bestValAccuracy")).doubleValue(),
                ((Number) m.get("bestEpoch")).intValue(), ((Number) m.get("globalStep")).longValue(),
                ((Number) m.get("epochsWithoutImprovement")).intValue(), (Map<String, Object>) m.get("method"));
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve("model.pt")) && Files.isRegularFile(dir.resolve("state.json"));
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
