package org.iibalance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iibalance.config.ConfigCatalogue;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ConfigKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code config [--json | --markdown | --schema FILE]}: every configuration key with type, default, range and description. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"List every configuration key that --set and a YAML file accept: type, default, allowed values, description.",
                "A YAML file names only the keys it changes, nested by the dots (method.tau: 0.1 is 'method:' then '  tau: 0.1')."})
final class ConfigCommand implements Callable<Integer> {
    @Option(names = "--json", description = "print the keys as a JSON array")
    boolean json;

    @Option(names = "--markdown", description = "print the keys as the Markdown table of README.md's \"Configuration\" section")
    boolean markdown;

    @Option(names = "--schema", paramLabel = "FILE", description = "write the JSON Schema of a configuration file to FILE ('-': print it), "
            + "e.g. sample-configs/iibalance.schema.json")
    String schema;

    @Option(names = "--update-readme", paramLabel = "FILE", description = "replace the table between '<!-- config-keys:begin -->' and "
            + "'<!-- config-keys:end -->' in FILE (README.md) with the current keys")
    Path readme;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (readme != null) {
            try {
                String text = java.nio.file.Files.readString(readme);
                String begin = "<!-- config-keys:begin -->", end = "<!-- config-keys:end -->";
                int a = text.indexOf(begin), b = text.indexOf(end);
                if (a < 0 || b < a) {
                    spec.commandLine().getErr().println(readme + ": no '" + begin + "' ... '" + end + "' block to replace");
                    return ExitCodes.REFUSED;
                }
                ConfigIO.writeAtomically(readme, text.substring(0, a + begin.length()) + "\n" + ConfigCatalogue.markdownTable() + text.substring(b));
                out.println("updated the configuration table in " + readme);
            } catch (IOException e) {
                spec.commandLine().getErr().println("cannot update " + readme + ": " + e.getMessage());
                return ExitCodes.CANNOT_WRITE;
            }
        }
        if (schema != null) {
            String text = ConfigCatalogue.jsonSchema();
            if ("-".equals(schema)) {
                out.print(text);
            } else {
                try {
                    ConfigIO.writeAtomically(Path.of(schema), text);
                } catch (IOException e) {
                    spec.commandLine().getErr().println("cannot write " + schema + ": " + e.getMessage());
                    return 4;
                }
                out.println("wrote " + schema + " (" + ConfigCatalogue.keys().size() + " keys)");
            }
        } else if (readme != null) {
            // done above
        } else if (markdown) {
            out.print(ConfigCatalogue.markdownTable());
        } else if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode a = m.createArrayNode();
            for (ConfigKey k : ConfigCatalogue.keys()) {
                ObjectNode n = a.addObject();
                n.put("key", k.key()).put("type", k.type()).put("default", k.defaultValue()).put("range", k.range()).put("description", k.description());
            }
            try {
                out.println(m.writeValueAsString(a));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            for (ConfigKey k : ConfigCatalogue.keys()) {
                out.printf("%s  (%s, default %s%s)%n      %s%n", k.key(), k.type(), k.defaultValue().isEmpty() ? "\"\"" : k.defaultValue(),
                        k.range().isEmpty() ? "" : ", allowed " + k.range(), k.description());
            }
            out.println();
            out.println(ConfigCatalogue.keys().size() + " keys; set one with --set KEY=VALUE or in a YAML file; --json, --markdown, --schema FILE for other forms");
        }
        out.flush();
        return 0;
    }
}
