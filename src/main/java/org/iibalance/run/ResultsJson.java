package org.iibalance.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code results.json} both ways. The file is nested JSON with the keys (and key order) every run
 * folder has had: {@code method, dataset, seed, name, test{accMultimodal, acc{<m>}, accAudio,
 * accVisual, accAvg, unimodalProtocol, clips}, val{accMultimodal, bestEpoch},
 * budget{entropyScore{<m>}, beta{<m>}, anchor}, fusionWeightMean{<m>},
 * fusionWeightMeanBySplit{train|val|test{<m>}}, trainSeconds, device, epochs, dataFingerprint}, and
 * since this package {@code capabilities{...}} (see {@link Capabilities}); since issue 10
 * {@code budget.tau} and {@code pretraining{mode, fusionWarmStart, <m>{epochs, bestEpoch, valLoss,
 * valAcc, converged}}}, both written only when the run has them (older folders rewrite byte for byte).
 * {@code provenance{...}} (see {@link Provenance}). Nulls are written as null.
 */
final class ResultsJson {
    private ResultsJson() {}

    static String toJson(Results r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("method", r.method());
        root.put("dataset", r.dataset());
        root.put("seed", r.seed());
        root.put("name", r.name());
        writeTest(root.putObject("test"), r.test());
        ObjectNode val = root.putObject("val");
        val.put("accMultimodal", r.valAccMultimodal());
        val.put("bestEpoch", r.valBestEpoch());
        ObjectNode budget = root.putObject("budget");
        if (!r.budget().entropyScore().isEmpty()) numbers(budget.putObject("entropyScore"), r.budget().entropyScore());
        if (!r.budget().beta().isEmpty()) numbers(budget.putObject("beta"), r.budget().beta());
        budget.put("anchor", r.budget().anchor());
        if (r.budget().tau() != null) budget.put("tau", r.budget().tau());
        Results.Pretraining p = r.pretraining();
        if (p.present()) {
            ObjectNode pn = root.putObject("pretraining");
            pn.put("mode", p.mode());
            pn.put("fusionWarmStart", p.fusionWarmStart());
            p.models().forEach((m, c) -> {
                ObjectNode cn = pn.putObject(m);
                cn.put("epochs", c.epochs());
                cn.put("bestEpoch", c.bestEpoch());
                cn.put("valLoss", c.valLoss());
                cn.put("valAcc", c.valAcc());
                cn.put("converged", c.converged());
            });
        }
        if (!r.fusionWeightMean().isEmpty()) numbers(root.putObject("fusionWeightMean"), r.fusionWeightMean());
        if (!r.fusionWeightMeanBySplit().isEmpty()) {
            ObjectNode s = root.putObject("fusionWeightMeanBySplit");
            r.fusionWeightMeanBySplit().forEach((split, w) -> numbers(s.putObject(split), w));
        }
        root.put("trainSeconds", r.trainSeconds());
        root.put("device", r.device());
        root.put("epochs", r.epochs());
        root.put("dataFingerprint", r.dataFingerprint());
        Capabilities c = r.recordedCapabilities();
        if (c != null) {
            ObjectNode n = root.putObject("capabilities");
            n.put("budgetPrior", c.budgetPrior());
            n.put("lambdaSchedule", c.lambdaSchedule());
            n.put("stageLosses", c.stageLosses());
            n.put("fusionWeights", c.fusionWeights());
            n.put("unimodalHeads", c.unimodalHeads());
        }
        if (r.provenance() != null) root.set("provenance", Json.MAPPER.valueToTree(r.provenance().fields()));
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of a {@code test} block (also {@code evaluation.json}'s {@code figures}). */
    static void writeTest(ObjectNode test, Results.Test t) {
        test.put("accMultimodal", t.accMultimodal());
        if (!t.accByModality().isEmpty()) numbers(test.putObject("acc"), t.accByModality());
        test.put("accAudio", t.accAudio());
        test.put("accVisual", t.accVisual());
        test.put("accAvg", t.accAvg());
        test.put("unimodalProtocol", t.unimodalProtocol());
        test.put("clips", t.clips());
    }

    /** Reads a block written by {@link #writeTest}; {@code prefix} names it in errors (e.g. {@code test.}). */
    static Results.Test readTest(JsonNode t, Reader rd, String prefix) throws IOException {
        return new Results.Test(rd.number(t, prefix, "accMultimodal"), rd.numbers(t.path("acc"), prefix + "acc"),
                rd.number(t, prefix, "accAudio"), rd.number(t, prefix, "accVisual"), rd.number(t, prefix, "accAvg"),
                rd.text(t, "unimodalProtocol"), rd.integer(t, prefix, "clips"));
    }

    static void numbers(ObjectNode n, Map<String, Double> values) {
        values.forEach(n::put);
    }

    static void write(Path file, Results r) throws IOException {
        Json.writeAtomically(file, toJson(r) + "\n");
    }

    /** Reads a results.json; a missing file, bad JSON or a figure of the wrong type is refused naming the file and key. */
    static Results read(Path file) throws IOException {
        JsonNode root = Json.readObject(file);
        Reader rd = new Reader(file);
        Results.Test test = readTest(root.path("test"), rd, "test.");
        JsonNode b = root.path("budget");
        Results.Budget budget = new Results.Budget(rd.numbers(b.path("entropyScore"), "budget.entropyScore"), rd.numbers(b.path("beta"), "budget.beta"),
                rd.text(b, "anchor"), rd.number(b, "budget.", "tau"));
        Results.Pretraining pretraining = Results.Pretraining.EMPTY;
        JsonNode pn = root.path("pretraining");
        if (pn.isObject()) {
            Map<String, Results.Curve> models = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = pn.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (!e.getValue().isObject()) continue; // mode, fusionWarmStart
                String k = "pretraining." + e.getKey() + ".";
                JsonNode cn = e.getValue();
                models.put(e.getKey(), new Results.Curve(rd.integer(cn, k, "epochs"), rd.integer(cn, k, "bestEpoch"), rd.number(cn, k, "valLoss"),
                        rd.number(cn, k, "valAcc"), rd.bool(cn, k, "converged")));
            }
            pretraining = new Results.Pretraining(rd.text(pn, "mode"), rd.bool(pn, "pretraining.", "fusionWarmStart"), models);
        }
        Map<String, Map<String, Double>> bySplit = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("fusionWeightMeanBySplit").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            bySplit.put(e.getKey(), rd.numbers(e.getValue(), "fusionWeightMeanBySplit." + e.getKey()));
        }
        Capabilities caps = null;
        JsonNode c = root.path("capabilities");
        if (c.isObject()) {
            caps = new Capabilities(c.path("budgetPrior").asBoolean(), c.path("lambdaSchedule").asBoolean(), c.path("stageLosses").asBoolean(),
                    c.path("fusionWeights").asBoolean(), c.path("unimodalHeads").asBoolean());
        }
        Provenance prov = null;
        JsonNode provNode = root.path("provenance");
        if (provNode.isObject()) {
            Map<String, String> provFields = new LinkedHashMap<>();
            provNode.fields().forEachRemaining(e -> provFields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
            prov = Provenance.of(provFields);
        }
        Double seed = rd.number(root, "", "seed");
        return new Results(rd.text(root, "method"), rd.text(root, "dataset"), seed == null ? null : seed.longValue(), rd.text(root, "name"), test,
                rd.number(root.path("val"), "val.", "accMultimodal"), rd.integer(root.path("val"), "val.", "bestEpoch"), budget,
                rd.numbers(root.path("fusionWeightMean"), "fusionWeightMean"), bySplit, rd.number(root, "", "trainSeconds"), rd.text(root, "device"),
                rd.integer(root, "", "epochs"), rd.text(root, "dataFingerprint"), caps, pretraining, prov);
    }

    /** Typed access to one file's nodes, with errors naming the file and the dotted key. */
    record Reader(Path file) {
        Double number(JsonNode parent, String prefix, String key) throws IOException {
            JsonNode n = parent.get(key);
            if (n == null || n.isNull()) return null;
            if (n.isNumber()) return n.doubleValue();
            throw new IOException(file + ": key '" + prefix + key + "' must be a number (got " + n + ")");
        }

        Integer integer(JsonNode parent, String prefix, String key) throws IOException {
            Double d = number(parent, prefix, key);
            return d == null ? null : (int) Math.round(d);
        }

        Boolean bool(JsonNode parent, String prefix, String key) throws IOException {
            JsonNode n = parent.get(key);
            if (n == null || n.isNull()) return null;
            if (n.isBoolean()) return n.booleanValue();
            throw new IOException(file + ": key '" + prefix + key + "' must be true or false (got " + n + ")");
        }

        String text(JsonNode parent, String key) {
            JsonNode n = parent.get(key);
            return n == null || n.isNull() ? null : n.asText();
        }

        Map<String, Double> numbers(JsonNode obj, String key) throws IOException {
            Map<String, Double> out = new LinkedHashMap<>();
            if (obj == null || !obj.isObject()) return out;
            Iterator<String> names = obj.fieldNames();
            while (names.hasNext()) {
                String m = names.next();
                out.put(m, number(obj, key + ".", m));
            }
            return out;
        }
    }
}
