package org.iibalance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of DESIGN.md, checked on the sources of {@code src/main/java}: the layers
 * {@code gui, cli > report > experiment > method > model > nn > data > media > run > config}, each
 * using only itself and the layers below; only {@code gui} touches JavaFX; only {@code nn},
 * {@code model}, {@code method} and {@code experiment} touch libtorch types
 * ({@code org.bytedeco.pytorch}); {@code config}, {@code run}, {@code report} and {@code gui} touch
 * no JavaCPP type at all. Both {@code import} lines and fully qualified names in code count (comments
 * and strings do not).
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("src/main/java/org/iibalance");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern STRINGS = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    /** One source file: its package below org.iibalance, and its code without comments and strings. */
    private record Source(Path file, String pkg, String code) {
        /** Names this file imports or writes fully qualified that start with {@code prefix}. */
        List<String> uses(String prefix) {
            List<String> out = new ArrayList<>();
            Matcher m = IMPORT.matcher(code);
            while (m.find()) if (m.group(1).startsWith(prefix)) out.add(m.group(1));
            Matcher q = Pattern.compile("(?<![\\w.])" + Pattern.quote(prefix) + "[\\w.]*").matcher(IMPORT.matcher(code).replaceAll(""));
            while (q.find()) out.add(q.group());
            return out;
        }
    }

    private static List<Source> sources;

    @BeforeAll
    static void read() throws IOException {
        sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Path rel = ROOT.relativize(f);
                String pkg = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
                String code = STRINGS.matcher(COMMENTS.matcher(Files.readString(f)).replaceAll(" ")).replaceAll("\"\"");
                sources.add(new Source(f, pkg, code));
            }
        }
        assertTrue(sources.size() > 50, "found the sources under " + ROOT.toAbsolutePath());
    }

    /** Fails with every offending file and name when a file of {@code packages} uses {@code prefix}. */
    private static void forbid(Set<String> packages, String prefix, String why) {
        List<String> bad = new ArrayList<>();
        for (Source s : sources) {
            if (!packages.contains(s.pkg())) continue;
            for (String u : s.uses(prefix)) bad.add(ROOT.relativize(s.file()) + " uses " + u);
        }
        assertTrue(bad.isEmpty(), why + ":\n" + String.join("\n", bad));
    }

    private static Set<String> allBut(String... allowed) {
        Set<String> all = new java.util.TreeSet<>();
        for (Source s : sources) all.add(s.pkg());
        all.removeAll(Set.of(allowed));
        return all;
    }

    /** DESIGN.md's layers, top to bottom; packages of one layer may use each other. */
    static final List<Set<String>> LAYERS = List.of(Set.of("gui", "cli"), Set.of("report"), Set.of("experiment"), Set.of("method"), Set.of("model"),
            Set.of("nn"), Set.of("data"), Set.of("media"), Set.of("run"), Set.of("config"));

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) if (LAYERS.get(i).contains(pkg)) return i;
        return -1;
    }

    @Test
    void everyPackageHasALayer() {
        List<String> unknown = sources.stream().map(Source::pkg).distinct().filter(p -> layer(p) < 0).toList();
        assertTrue(unknown.isEmpty(), "packages missing from DESIGN.md's order (add them to LAYERS and the README's Layout): " + unknown);
    }

    @Test
    void packagesUseOnlyTheLayersBelowThem() {
        List<String> bad = new ArrayList<>();
        for (Source s : sources) {
            int own = layer(s.pkg());
            for (String u : s.uses("org.iibalance.")) {
                String target = u.substring("org.iibalance.".length()).split("\\.")[0];
                int other = layer(target);
                if (other >= 0 && other < own) bad.add(ROOT.relativize(s.file()) + " (" + s.pkg() + ") uses " + u + " (" + target + " is above it)");
            }
        }
        assertTrue(bad.isEmpty(), "an arrow points up the layers of DESIGN.md:\n" + String.join("\n", bad));
    }

    @Test
    void libtorchTypesStayInNnModelMethodAndExperiment() {
        forbid(allBut("nn", "model", "method", "experiment"), "org.bytedeco.pytorch", "only nn, model, method and experiment may use libtorch types");
    }

    @Test
    void onlyTheGuiUsesJavaFx() {
        forbid(allBut("gui"), "javafx.", "only org.iibalance.gui may use JavaFX");
    }

    @Test
    void configRunReportAndGuiStayOffTheEngine() {
        forbid(Set.of("config", "run", "report", "gui"), "org.bytedeco.", "config, run, report and gui must not touch JavaCPP/libtorch/JavaCV types");
    }

    @Test
    void configStandsAlone() {
        List<String> bad = new ArrayList<>();
        for (Source s : sources) {
            if (!s.pkg().equals("config")) continue;
            for (String u : s.uses("org.iibalance.")) if (!u.startsWith("org.iibalance.config")) bad.add(ROOT.relativize(s.file()) + " uses " + u);
        }
        assertTrue(bad.isEmpty(), "config must import no other org.iibalance package:\n" + String.join("\n", bad));
    }

    @Test
    void theRulesSeeAViolation() {
        // a guard against a scanner that finds nothing: the rules must catch these
        Source fake = new Source(ROOT.resolve("report/Fake.java"), "report", "import javafx.scene.Node;\nclass F { org.bytedeco.pytorch.Tensor t; }");
        assertTrue(fake.uses("javafx.").contains("javafx.scene.Node"));
        assertTrue(fake.uses("org.bytedeco.").contains("org.bytedeco.pytorch.Tensor"));
        assertTrue(layer("report") < layer("experiment") && layer("run") > layer("media") && layer("config") == LAYERS.size() - 1,
                "the order is DESIGN.md's");
    }
}
