package org.iibalance.config;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of configuration keys agrees with what {@code --set} accepts, with the validator's
 * ranges, with the checked-in JSON Schema and with README.md's "Configuration" table.
 */
class ConfigCatalogueTest {
    static final String REGENERATE = "after mvn -q -B -DskipTests package, regenerate with: "
            + "java -jar target/app/iibalance.jar config --schema sample-configs/iibalance.schema.json --update-readme README.md";

    @Test
    void everyKeyThatSetAcceptsIsCataloguedWithADescription() {
        Map<String, String> settable = ConfigIO.flatten(ExperimentConfig.defaults());
        List<String> problems = new ArrayList<>();
        for (String key : settable.keySet()) {
            var k = ConfigCatalogue.find(key);
            if (k.isEmpty()) problems.add(key + ": --set accepts it but the catalogue does not list it");
            else if (k.get().description().isBlank()) {
                problems.add(key + ": no description: add @ConfigDoc(\"what it means\", ...) to the record component " + k.get().declaredIn());
            }
        }
        for (ConfigKey k : ConfigCatalogue.keys()) {
            if (!k.key().contains("<") && !settable.containsKey(k.key())) problems.add(k.key() + ": catalogued but --set does not accept it");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyDefaultAsListedIsAcceptedBySetAndChangesNothing() throws ConfigException {
        for (ConfigKey k : ConfigCatalogue.keys()) {
            if (k.key().contains("<")) continue;
            ExperimentConfig c = ConfigIO.withOverrides(ExperimentConfig.defaults(), List.of(k.key() + "=" + k.defaultValue()));
            assertEquals(ExperimentConfig.defaults(), c, k.key() + "=" + k.defaultValue());
        }
    }

    @Test
    void aValueOutsideTheListedRangeIsRefusedNamingTheKey() throws ConfigException {
        int checked = 0;
        for (ConfigKey k : ConfigCatalogue.keys()) {
            List<String> outside = new ArrayList<>();
            boolean integer = "integer".equals(k.type());
            double step = integer ? 1 : 1e-3;
            if (k.min() != Double.NEGATIVE_INFINITY) outside.add(ConfigKey.num(k.minExclusive() ? k.min() : k.min() - step));
            if (k.max() != Double.POSITIVE_INFINITY) outside.add(ConfigKey.num(k.maxExclusive() ? k.max() : k.max() + step));
            if (!k.allowed().isEmpty()) outside.add("no-such-value");
            for (String v : outside) {
                ExperimentConfig c = ConfigIO.withOverrides(ExperimentConfig.defaults(), List.of(k.key() + "=" + v));
                List<ConfigProblem> p = ConfigValidator.check(c);
                assertTrue(p.stream().anyMatch(x -> x.key().equals(k.key())),
                        k.key() + "=" + v + " is outside the documented range " + k.range() + " but the validator says: " + p);
                checked++;
            }
        }
        assertTrue(checked > 40, "range checks run: " + checked);
    }

    @Test
    void rangesReadAsWritten() {
        assertEquals("> 0", ConfigCatalogue.find("method.tau").orElseThrow().range());
        assertEquals("[0, 1)", ConfigCatalogue.find("method.rho").orElseThrow().range());
        assertEquals("adam | sgd", ConfigCatalogue.find("training.optimizer").orElseThrow().range());
        assertEquals("0.07", ConfigCatalogue.find("method.tau").orElseThrow().defaultValue());
        assertEquals("number", ConfigCatalogue.find("method.tau").orElseThrow().type());
        assertTrue(ConfigCatalogue.describe("method.tau").contains("Eq. 2"));
    }

    @Test
    void theCheckedInSchemaIsTheGeneratedOne() throws Exception {
        Path schema = Path.of("sample-configs/iibalance.schema.json");
        assertTrue(Files.isRegularFile(schema), schema + " is missing; " + REGENERATE);
        assertEquals(ConfigCatalogue.jsonSchema(), Files.readString(schema), schema + " is out of date; " + REGENERATE);
    }

    @Test
    void theReadmeConfigurationTableIsTheGeneratedOne() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int a = readme.indexOf("<!-- config-keys:begin -->"), b = readme.indexOf("<!-- config-keys:end -->");
        assertTrue(a >= 0 && b > a, "README.md lacks the configuration table markers; " + REGENERATE);
        String table = readme.substring(readme.indexOf('\n', a) + 1, b);
        List<String> missing = new ArrayList<>();
        for (ConfigKey k : ConfigCatalogue.keys()) if (!table.contains("| `" + k.key() + "` |")) missing.add(k.key());
        assertTrue(missing.isEmpty(), "README.md's Configuration table lacks " + missing + "; " + REGENERATE);
        assertEquals(ConfigCatalogue.markdownTable(), table, "README.md's Configuration table is out of date; " + REGENERATE);
    }

    @Test
    void everyReadmeSectionTheSampleConfigsPointToExists() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> broken = new ArrayList<>();
        try (var files = Files.list(Path.of("sample-configs"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).toList()) {
                var m = java.util.regex.Pattern.compile("README(?:\\.md)? \\(\"([^\"]+)\"\\)").matcher(Files.readString(f));
                while (m.find()) {
                    if (!java.util.regex.Pattern.compile("(?m)^#+ " + java.util.regex.Pattern.quote(m.group(1)) + "\\s*$").matcher(readme).find()) {
                        broken.add(f + " points to README section \"" + m.group(1) + "\", which does not exist");
                    }
                }
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }
}
