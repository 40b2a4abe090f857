package org.iibalance.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads and writes {@link ExperimentConfig} as YAML. A file names only what it changes: it is merged
 * over {@link ExperimentConfig#defaults()}, and so are {@code key=value} overrides. An unknown key is
 * refused with the keys allowed at that level.
 */
public final class ConfigIO {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    private ConfigIO() {}

    /** Reads a YAML file over the defaults, then applies overrides ({@code a.b=c}) in order. */
    public static ExperimentConfig load(Path file, List<String> overrides) throws ConfigException {
        ObjectNode tree = YAML.valueToTree(ExperimentConfig.defaults());
        if (file != null) {
            JsonNode user;
            try {
                user = YAML.readTree(file.toFile());
            } catch (IOException e) {
                String why = Files.exists(file) ? "is not valid YAML (" + firstLine(e.getMessage()) + ")" : "does not exist";
                throw new ConfigException(file.toString(), why);
            }
            if (user != null && !user.isNull() && !user.isMissingNode()) {
                if (!user.isObject()) throw new ConfigException(file.toString(), "must be a YAML mapping of keys to values");
                List<ConfigProblem> problems = new ArrayList<>();
                merge(tree, (ObjectNode) user, "", problems);
                if (!problems.isEmpty()) throw new ConfigException(problems);
            }
        }
        applyOverrides(tree, overrides);
        return fromTree(tree, file == null ? "configuration" : file.toString());
    }

    /** Applies {@code key=value} overrides to a configuration. */
    public static ExperimentConfig withOverrides(ExperimentConfig base, List<String> overrides) throws ConfigException {
        ObjectNode tree = YAML.valueToTree(base);
        applyOverrides(tree, overrides);
        return fromTree(tree, "--set");
    }

    /** Parses YAML text (used by tests and the GUI's load). */
    public static ExperimentConfig parse(String yaml) throws ConfigException {
        try {
            Path tmp = Files.createTempFile("iibalance", ".yaml");
            try {
                Files.writeString(tmp, yaml);
                return load(tmp, List.of());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ConfigException("yaml", e.getMessage());
        }
    }

    /** The configuration as YAML text. */
    public static String toYaml(ExperimentConfig cfg) {
        try {
            return YAML.writeValueAsString(cfg);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the configuration (with an optional comment header) atomically. */
    public static void write(ExperimentConfig cfg, Path file, String header) throws IOException {
        StringBuilder b = new StringBuilder();
        if (header != null) for (String line : header.split("\n")) b.append("# ").append(line).append('\n');
        b.append(toYaml(cfg));
        writeAtomically(file, b.toString());
    }

    /** Writes text to a temporary file and moves it into place, so readers never see half a file. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // not Files.createTempFile: its 0600 would hide the file from the group; CREATE_NEW takes 0666 less the umask
        Path tmp = parent.resolve("." + file.getFileName() + "." + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.writeString(tmp, text, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Every settable key (dotted path) with its current value, for help texts and the GUI sheet. */
    public static Map<String, String> flatten(ExperimentConfig cfg) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        flatten(YAML.valueToTree(cfg), "", out);
        return out;
    }

    private static void flatten(JsonNode n, String prefix, Map<String, String> out) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
            }
        } else {
            out.put(prefix, n.isNull() ? "" : n.asText());
        }
    }

    private static void applyOverrides(ObjectNode tree, List<String> overrides) throws ConfigException {
        if (overrides == null) return;
        List<ConfigProblem> problems = new ArrayList<>();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                problems.add(new ConfigProblem(o, "an override must look like key=value, e.g. method.tau=0.1"));
                continue;
            }
            String key = o.substring(0, eq).trim();
            String value = o.substring(eq + 1).trim();
            String[] parts = key.split("\\.");
            ObjectNode node = tree;
            String path = "";
            boolean ok = true;
            for (int i = 0; i < parts.length - 1 && ok; i++) {
                path = path.isEmpty() ? parts[i] : path + "." + parts[i];
                JsonNode child = node.get(parts[i]);
                if (child == null || !child.isObject()) {
                    problems.add(new ConfigProblem(key, unknown(parts[i], path, node)));
                    ok = false;
                } else {
                    node = (ObjectNode) child;
                }
            }
            if (!ok) continue;
            String leaf = parts[parts.length - 1];
            JsonNode old = node.get(leaf);
            if (old == null) {
                problems.add(new ConfigProblem(key, unknown(leaf, key, node)));
            } else if (old.isObject()) {
                problems.add(new ConfigProblem(key, "is a section; set one of its keys: " + keys(old)));
            } else {
                node.set(leaf, scalar(value, old));
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
    }

    private static JsonNode scalar(String value, JsonNode like) {
        try {
            if (like.isTextual() || like.isNull()) return TextNode.valueOf(value);
            JsonNode parsed = YAML.readTree(value);
            return parsed == null || parsed.isMissingNode() ? TextNode.valueOf(value) : parsed;
        } catch (IOException e) {
            return TextNode.valueOf(value);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from, String prefix, List<ConfigProblem> problems) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode old = into.get(e.getKey());
            if (old == null) {
                problems.add(new ConfigProblem(key, unknown(e.getKey(), key, into)));
            } else if (old.isObject()) {
                if (!e.getValue().isObject()) {
                    problems.add(new ConfigProblem(key, "is a section and needs a mapping of: " + keys(old)));
                } else {
                    merge((ObjectNode) old, (ObjectNode) e.getValue(), key, problems);
                }
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    private static String unknown(String name, String key, JsonNode level) {
        return "unknown key '" + name + "' (allowed here: " + keys(level) + ")";
    }

    private static String keys(JsonNode n) {
        TreeSet<String> s = new TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return String.join(", ", s);
    }

    private static ExperimentConfig fromTree(ObjectNode tree, String source) throws ConfigException {
        try {
            return YAML.treeToValue(tree, ExperimentConfig.class);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            StringBuilder path = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
                if (r.getFieldName() != null) path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            }
            String target = e.getTargetType() == null ? "value" : e.getTargetType().getSimpleName();
            throw new ConfigException(path.length() == 0 ? source : path.toString(),
                    "cannot be read as " + ("double".equals(target) ? "a number" : "int".equals(target) || "long".equals(target) ? "a whole number" : "boolean".equals(target) ? "true or false" : target));
        } catch (IOException e) {
            throw new ConfigException(source, firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
