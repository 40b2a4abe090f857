package org.iibalance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Library code logs through SLF4J: only the CLI (whose job is the console) and the benchmark programs
 * (whose job is to print figures) write to System.out / System.err or print stack traces.
 */
class LoggingRuleTest {
    @Test
    void onlyTheCliAndBenchmarkProgramsWriteToTheConsole() throws Exception {
        List<String> offenders = new ArrayList<>();
        Path main = Path.of("src/main/java/org/iibalance");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = main.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("cli/") || f.getFileName().toString().endsWith("Benchmark.java")) continue;
                String src = Files.readString(f);
                if (src.contains("System.out") || src.contains("System.err") || src.contains("printStackTrace")) offenders.add(rel);
            }
        }
        assertTrue(offenders.isEmpty(), "use an SLF4J logger instead of the console in: " + offenders);
    }
}
