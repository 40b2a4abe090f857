package org.iibalance.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.iibalance.run.SafeFiles;

/**
 * What {@code bench --model ... --json FILE} writes: one model's training step timed in Java and in
 * the PyTorch reference of the same architecture, alternating in one run.
 *
 * @param model             the model as given ({@code quickstart}, {@code resnet18}, an encoder pair, a config file)
 * @param batch             clips per step
 * @param threads           intra-op threads in force on the Java side (a reference is compared only when it runs as many)
 * @param javaMsPerStep     best (lowest) per-round median of the Java step, in ms
 * @param pytorchMsPerStep  best per-round median of the PyTorch step, in ms (null: not measured)
 * @param pytorchVersion    {@code torch.__version__} of the reference (null: not measured)
 * @param ratio             javaMsPerStep / pytorchMsPerStep (null: not measured)
 * @param dataWaitFraction  share of the Java training thread's time spent waiting for the next batch
 *                          (batch assembly and the copy into tensors included)
 * @param peakRssMiB        peak resident memory of the Java process (VmHWM), MiB
 * @param javaParameters    trainable parameters of the Java network
 * @param pytorchParameters trainable parameters of the PyTorch network (null: not measured)
 * @param javaCpuMsPerStep  best per-round median of the Java step's CPU time on its thread, in ms
 * @param pytorchCpuMsPerStep the same for PyTorch (null: not measured)
 * @param cpuRatio          javaCpuMsPerStep / pytorchCpuMsPerStep: with one intra-op thread the work of
 *                          each side, which a busy machine inflates far less than wall time (null: not measured)
 * @param rounds            the alternating rounds: each side's median of one block of steps
 * @param stepsPerRound     timed steps per side and round
 * @param loadAverage       the machine's 1-minute load average when the run ended (null: unknown)
 * @param pytorchProblem    why there is no PyTorch figure although a reference was given: it did not start,
 *                          failed mid-way (the Java figures are then those of all the rounds) or ran another
 *                          thread count (null: compared, or no reference asked for)
 */
public record BenchFigures(String model, int batch, int threads, double javaMsPerStep, Double pytorchMsPerStep, String pytorchVersion,
        Double ratio, double dataWaitFraction, double peakRssMiB, long javaParameters, Long pytorchParameters, double javaCpuMsPerStep,
        Double pytorchCpuMsPerStep, Double cpuRatio, List<Round> rounds,
        int stepsPerRound, Double loadAverage, String pytorchProblem) {

    /** One round: the median wall and CPU ms per step of each side's block (pytorch null when not measured). */
    public record Round(double javaMs, Double pytorchMs, double javaCpuMs, Double pytorchCpuMs) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the figures as JSON, atomically ({@link SafeFiles#write}: a temporary sibling, forced, renamed). */
    public void write(Path file) throws IOException {
        SafeFiles.write(file, JSON.writeValueAsString(this));
    }

    /** Reads figures written by {@link #write}. */
    public static BenchFigures read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), BenchFigures.class);
    }
}
