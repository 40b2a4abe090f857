package org.iibalance.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch side of {@code bench --model}: {@code bench/reference_iibalance.py --serve} in a Python
 * with torch, started once and asked for blocks of timed steps, so that Java and PyTorch alternate in
 * one run on the same machine state. A benchmark tool: the product and its tests never need PyTorch.
 */
public final class PytorchReference implements ModelBenchmark.Reference {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String python;
    private final Path script;
    private final boolean keepHeap;
    private Process process;
    private BufferedReader out;
    private Writer in;
    private String version;

    /**
     * @param keepHeap give the Python process the same native-heap settings as the Java engine
     *                 ({@code org.iibalance.nn.NativeHeap}), through glibc's environment variables;
     *                 false: PyTorch as a user runs it (glibc's defaults)
     */
    public PytorchReference(String python, Path script, boolean keepHeap) {
        this.python = python;
        this.script = script;
        this.keepHeap = keepHeap;
    }

    @Override
    public Ready start(Path spec) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--spec", spec.toString(), "--serve").redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("MALLOC_MMAP_THRESHOLD_");
        pb.environment().remove("MALLOC_TRIM_THRESHOLD_");
        if (keepHeap) {
            pb.environment().put("MALLOC_MMAP_THRESHOLD_", Integer.toString(32 << 20));
            pb.environment().put("MALLOC_TRIM_THRESHOLD_", Integer.toString(Integer.MAX_VALUE));
        }
        process = pb.start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        JsonNode ready = next("ready");
        version = ready.path("torch").asText();
        Map<String, Long> params = new LinkedHashMap<>();
        ready.path("parameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asLong()));
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        ready.path("shapes").fields().forEachRemaining(e -> {
            List<Long> s = new ArrayList<>();
            e.getValue().forEach(v -> s.add(v.asLong()));
            shapes.put(e.getKey(), s);
        });
        return new Ready(version, ready.path("threads").asInt(), params, shapes);
    }

    @Override
    public ModelBenchmark.Block steps(int n) throws IOException {
        in.write("steps " + n + "\n");
        in.flush();
        JsonNode times = next("times");
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        times.path("ms").forEach(v -> ms.add(v.asDouble()));
        times.path("cpuMs").forEach(v -> cpu.add(v.asDouble()));
        return new ModelBenchmark.Block(ms, cpu);
    }

    private JsonNode next(String event) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (!line.startsWith("{")) continue; // e.g. a warning printed by torch
            JsonNode n = JSON.readTree(line);
            if (event.equals(n.path("event").asText())) return n;
            if ("error".equals(n.path("event").asText())) throw new IOException("PyTorch reference: " + n.path("message").asText());
        }
        throw new IOException(python + " " + script + " ended without '" + event + "' (no torch in that Python? run it by hand with --spec to see why)");
    }

    @Override
    public void close() {
        if (process == null) return;
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
