package org.iibalance.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration key, read from the {@link ConfigDoc} annotations of the configuration records
 * and the values of {@link ExperimentConfig#defaults()}: the one source of {@code iibalance config},
 * the JSON Schema ({@code sample-configs/iibalance.schema.json}), the GUI sheet's descriptions and the
 * README's "Configuration" table. A {@code Map<String, ...>} component contributes keys with a
 * {@code <name>} segment.
 */
public final class ConfigCatalogue {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static volatile List<ConfigKey> keys;

    private ConfigCatalogue() {}

    /** Every key, in the order of the records (the order of {@code config.yaml}). */
    public static List<ConfigKey> keys() {
        List<ConfigKey> k = keys;
        if (k == null) {
            List<ConfigKey> out = new ArrayList<>();
            walk(ExperimentConfig.class, JSON.valueToTree(ExperimentConfig.defaults()), "", out);
            keys = k = List.copyOf(out);
        }
        return k;
    }

    /** The key that names {@code path} (a dotted path as {@code --set} takes it), if any. */
    public static Optional<ConfigKey> find(String path) {
        for (ConfigKey k : keys()) if (k.matches(path)) return Optional.of(k);
        return Optional.empty();
    }

    /** The description of {@code path}, or "" (for tooltips). */
    public static String describe(String path) {
        return find(path).map(k -> k.description() + (k.range().isEmpty() ? "" : " (allowed: " + k.range() + ")")).orElse("");
    }

    private static void walk(Class<?> record, JsonNode defaults, String prefix, List<ConfigKey> out) {
        for (RecordComponent rc : record.getRecordComponents()) {
            String key = prefix.isEmpty() ? rc.getName() : prefix + "." + rc.getName();
            JsonNode def = defaults == null ? null : defaults.get(rc.getName());
            Class<?> t = rc.getType();
            if (t.isRecord()) {
                walk(t, def, key, out);
            } else if (Map.class.isAssignableFrom(t)) {
                Class<?> value = mapValueType(rc.getGenericType());
                if (value != null && value.isRecord()) walk(value, null, key + ".<name>", out);
                else out.add(leaf(rc, key + ".<name>", value == null ? String.class : value, null, record));
            } else {
                out.add(leaf(rc, key, t, def, record));
            }
        }
    }

    private static Class<?> mapValueType(Type generic) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 2 && p.getActualTypeArguments()[1] instanceof Class<?> c) return c;
        return null;
    }

    private static ConfigKey leaf(RecordComponent rc, String key, Class<?> t, JsonNode def, Class<?> record) {
        ConfigDoc d = rc.getAnnotation(ConfigDoc.class);
        List<String> allowed = new ArrayList<>();
        if (d != null) allowed.addAll(List.of(d.allowed()));
        if (t.isEnum()) for (Object c : t.getEnumConstants()) if (!allowed.contains(c.toString())) allowed.add(c.toString());
        String declared = record.getName().substring(record.getPackageName().length() + 1).replace('$', '.') + "." + rc.getName();
        return new ConfigKey(key, typeName(t), def == null || def.isNull() ? "" : def.asText(), d == null ? "" : d.value().trim(),
                d == null ? Double.NEGATIVE_INFINITY : d.min(), d == null ? Double.POSITIVE_INFINITY : d.max(), d != null && d.minExclusive(),
                d != null && d.maxExclusive(), List.copyOf(allowed), d == null ? "" : d.range(), declared);
    }

    private static String typeName(Class<?> t) {
        if (t == int.class || t == long.class || t == Integer.class || t == Long.class) return "integer";
        if (t == double.class || t == float.class || t == Double.class || t == Float.class) return "number";
        if (t == boolean.class || t == Boolean.class) return "boolean";
        return "string";
    }

    /** The JSON Schema (draft 2020-12) of a configuration file, for editor completion and checks. */
    public static String jsonSchema() {
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://github.com/iibalance/workbench/sample-configs/iibalance.schema.json");
        root.put("title", "IIBalance Workbench configuration");
        root.put("description", "A run configuration (YAML). A file names only what it changes; every other key keeps its default. "
                + "Generated by: iibalance config --schema sample-configs/iibalance.schema.json");
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        root.put("additionalProperties", false);
        for (ConfigKey k : keys()) {
            String[] parts = k.key().split("\\.");
            ObjectNode level = props;
            for (int i = 0; i < parts.length - 1; i++) {
                if (parts[i + 1].startsWith("<")) {
                    level = section(level, parts[i], true);
                    i++;
                    if (i == parts.length - 1) {
                        ((ObjectNode) level.get("additionalProperties")).setAll(leafSchema(k));
                        level = null;
                        break;
                    }
                } else {
                    level = section(level, parts[i], false);
                }
            }
            if (level != null) level.set(parts[parts.length - 1], leafSchema(k));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The "properties" node of section {@code name} under {@code level} (created as needed). */
    private static ObjectNode section(ObjectNode level, String name, boolean map) {
        ObjectNode s = (ObjectNode) level.get(name);
        if (s == null) {
            s = level.putObject(name);
            s.put("type", "object");
            if (map) {
                ObjectNode value = s.putObject("additionalProperties");
                value.put("type", "object");
                value.putObject("properties");
                value.put("additionalProperties", false);
            } else {
                s.putObject("properties");
                s.put("additionalProperties", false);
            }
        }
        if (map) return (ObjectNode) s.get("additionalProperties").get("properties");
        return (ObjectNode) s.get("properties");
    }

    private static ObjectNode leafSchema(ConfigKey k) {
        ObjectNode n = F.objectNode();
        n.put("type", k.type());
        n.put("description", k.description());
        if (!k.defaultValue().isEmpty() || "string".equals(k.type())) {
            switch (k.type()) {
                case "integer" -> n.put("default", Long.parseLong(k.defaultValue()));
                case "number" -> n.put("default", Double.parseDouble(k.defaultValue()));
                case "boolean" -> n.put("default", Boolean.parseBoolean(k.defaultValue()));
                default -> n.put("default", k.defaultValue());
            }
        }
        if (k.min() != Double.NEGATIVE_INFINITY) bound(n, k.minExclusive() ? "exclusiveMinimum" : "minimum", k.min());
        if (k.max() != Double.POSITIVE_INFINITY) bound(n, k.maxExclusive() ? "exclusiveMaximum" : "maximum", k.max());
        if (!k.allowed().isEmpty()) {
            ArrayNode e = n.putArray("enum");
            k.allowed().forEach(e::add);
        }
        if (!k.rangeNote().isEmpty()) n.put("$comment", "also: " + k.rangeNote());
        return n;
    }

    private static void bound(ObjectNode n, String name, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) n.put(name, (long) v);
        else n.put(name, v);
    }

    /** The README's "Configuration" table (Markdown), one row per key. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| key | type | default | allowed | description |\n|---|---|---|---|---|\n");
        for (ConfigKey k : keys()) {
            b.append("| `").append(k.key()).append("` | ").append(k.type()).append(" | ").append(k.defaultValue().isEmpty() ? "" : "`" + k.defaultValue() + "`")
                    .append(" | ").append(cell(k.range())).append(" | ").append(cell(k.description())).append(" |\n");
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
