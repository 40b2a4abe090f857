package org.iibalance.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluation.json}, from {@code evaluate}: a saved run's best checkpoint evaluated again, on a
 * split, on other data or under corruptions. Its {@code figures} block has exactly the keys of
 * {@code results.json}'s {@code test} block; on the run's own test split with no corruption the two
 * are equal.
 *
 * @param run              the run folder evaluated
 * @param method           {@code method}
 * @param dataset          {@code dataset}
 * @param seed             the run's {@code seed}
 * @param split            {@code split}: test or val
 * @param corruptions      {@code corruptions}: the corruption specs applied, in order (empty: clean)
 * @param corruptionSeed   {@code corruptionSeed}
 * @param datasetOverrides {@code datasetOverrides}: the {@code dataset.*} keys set for this evaluation
 * @param figures          {@code figures}: Acc_m, each head's accuracy, Avg, protocol, clips
 * @param fusionWeightMean {@code fusionWeightMean.<m>} on the evaluated clips (empty when the method has none)
 */
public record EvaluationResult(String run, String method, String dataset, Long seed, String split, List<String> corruptions, long corruptionSeed,
        List<String> datasetOverrides, Results.Test figures, Map<String, Double> fusionWeightMean) {

    public EvaluationResult {
        corruptions = List.copyOf(corruptions);
        datasetOverrides = List.copyOf(datasetOverrides);
        fusionWeightMean = Results.frozen(fusionWeightMean);
    }

    /** Mean fusion weights, empty when the method has none. */
    public Map<String, Double> weightMean() {
        return fusionWeightMean.values().stream().anyMatch(v -> v != null) ? fusionWeightMean : Map.of();
    }

    /**
     * Writes {@code evaluation.json} and {@code gating.csv} (one row per evaluated clip) into
     * {@code dir}, each atomically. Refuses a run folder itself, so that a run's own
     * {@code gating.csv} is never replaced.
     */
    public void write(Path dir, GatingTable gating) throws IOException {
        if (RunFiles.isRun(dir)) throw new IOException(dir + " is a run folder: evaluations go into a folder of their own (--out)");
        Files.createDirectories(dir);
        gating.csv().write(dir.resolve(RunFiles.GATING));
        Json.writeAtomically(dir.resolve(RunFiles.EVALUATION), toJson() + "\n");
    }

    /** The {@code evaluation.json} of a folder. */
    public static Path file(Path dir) {
        return dir.resolve(RunFiles.EVALUATION);
    }

    /** The gating table written beside it. */
    public static GatingTable gating(Path dir) throws IOException {
        return GatingTable.read(dir.resolve(RunFiles.GATING));
    }

    String toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("run", run);
        root.put("method", method);
        root.put("dataset", dataset);
        root.put("seed", seed);
        root.put("split", split);
        ArrayNode c = root.putArray("corruptions");
        corruptions.forEach(c::add);
        root.put("corruptionSeed", corruptionSeed);
        ArrayNode o = root.putArray("datasetOverrides");
        datasetOverrides.forEach(o::add);
        ResultsJson.writeTest(root.putObject("figures"), figures);
        if (!fusionWeightMean.isEmpty()) ResultsJson.numbers(root.putObject("fusionWeightMean"), fusionWeightMean);
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the {@code evaluation.json} of a folder; refused naming the file and key. */
    public static EvaluationResult read(Path dir) throws IOException {
        Path file = file(dir);
        JsonNode root = Json.readObject(file);
        ResultsJson.Reader rd = new ResultsJson.Reader(file);
        Double seed = rd.number(root, "", "seed");
        Double cs = rd.number(root, "", "corruptionSeed");
        return new EvaluationResult(rd.text(root, "run"), rd.text(root, "method"), rd.text(root, "dataset"), seed == null ? null : seed.longValue(),
                rd.text(root, "split"), texts(root.path("corruptions")), cs == null ? 0 : cs.longValue(), texts(root.path("datasetOverrides")),
                ResultsJson.readTest(root.path("figures"), rd, "figures."), rd.numbers(root.path("fusionWeightMean"), "fusionWeightMean"));
    }

    private static List<String> texts(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a.isArray()) a.forEach(n -> out.add(n.asText()));
        return out;
    }
}
