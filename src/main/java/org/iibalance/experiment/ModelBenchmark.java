package org.iibalance.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.config.ModelConfig;
import org.iibalance.data.DatasetException;
import org.iibalance.data.Datasets;
import org.iibalance.data.ModalitySpec;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.method.IIBalanceMethod;
import org.iibalance.method.MethodContext;
import org.iibalance.method.MethodProgress;
import org.iibalance.method.Methods;
import org.iibalance.method.RelativeAlignmentLoss;
import org.iibalance.method.TrainingMethod;
import org.iibalance.model.Encoders;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Devices;
import org.iibalance.nn.Engine;
import org.iibalance.nn.NativeScope;
import org.iibalance.nn.Optimizers;

/**
 * {@code bench --model}: one model's IIBalance training step timed in Java and in a PyTorch reference
 * of the same architecture ({@link Reference}), in one run: after a warm-up of each side, rounds of a
 * Java block then a PyTorch block of the same number of steps, so that both see the same machine
 * state. Each side's figure is its best (lowest) per-round median: on a shared machine the load
 * only ever adds time. Before timing, the two networks are checked to be the same architecture
 * (parameter counts per part and the encoders' output shapes); a mismatch is an error.
 *
 * <p>The Java step is the method's own {@code trainStep} on batches from the real {@link Batcher}
 * (the freeing of the step's native temporaries included); the time the training thread waits for
 * the next batch is measured beside it ({@link BenchFigures#dataWaitFraction()}), except right after
 * a PyTorch block, while which the loader filled its queue. A benchmark, never a test.
 */
public final class ModelBenchmark {
    private ModelBenchmark() {}

    /** The other side of the comparison: starts on a spec, then times blocks of steps. */
    public interface Reference extends AutoCloseable {
        /**
         * What the reference built.
         *
         * @param version    its engine's version (e.g. torch.__version__)
         * @param threads    its intra-op threads
         * @param parameters trainable parameters: total, encoder{i}, head{i}, fused, gate
         * @param shapes     z{i}: the output shape of encoder i on one batch
         */
        record Ready(String version, int threads, Map<String, Long> parameters, Map<String, List<Long>> shapes) {}

        Ready start(Path spec) throws IOException;

        /** Runs n training steps and returns the wall and CPU ms of each. */
        Block steps(int n) throws IOException;

        @Override
        void close();
    }

    /**
     * A block of timed steps.
     *
     * @param ms    wall time of each step
     * @param cpuMs CPU time of each step on the thread that runs it (with one intra-op thread, all of
     *              the step's work: the figure that a busy machine does not inflate)
     */
    public record Block(List<Double> ms, List<Double> cpuMs) {}

    /**
     * How long to measure.
     *
     * @param warmup        untimed steps of each side first
     * @param rounds        alternating rounds
     * @param stepsPerRound timed steps per side and round
     */
    public record Options(int warmup, int rounds, int stepsPerRound) {
        public Options {
            if (warmup < 0 || rounds < 1 || stepsPerRound < 1) throw new IllegalArgumentException("warmup >= 0, rounds >= 1, steps per round >= 1");
        }
    }

    /** The named models: the quickstart pair and the paper's visual backbones at the CPU size. */
    public static final List<String> PRESETS = List.of("quickstart", "resnet18", "mobilenetv2");

    /**
     * The configuration {@code --model} names: a preset ({@link #PRESETS}), an encoder pair
     * {@code audio=ENC,visual=ENC} (on the quickstart data; a resnet18 / mobilenetv2 visual encoder at
     * 112 px, one frame, batch 8), or a configuration file; {@code overrides} apply last.
     */
    public static ExperimentConfig resolve(String model, List<String> overrides) throws ConfigException {
        List<String> o = new ArrayList<>();
        Path file = null;
        if (model.endsWith(".yaml") || model.endsWith(".yml")) {
            file = Path.of(model);
            if (!Files.isRegularFile(file)) throw new ConfigException("--model", "configuration file " + model + " not found");
        } else if (model.contains("=")) {
            for (String part : model.split(",")) {
                String[] kv = part.split("=", 2);
                String m = kv[0].trim();
                if (kv.length != 2 || !(m.equals("audio") || m.equals("visual"))) {
                    throw new ConfigException("--model", "'" + part + "' is not MODALITY=ENCODER (e.g. audio=conv1d,visual=resnet18)");
                }
                o.add("model." + m + ".encoder=" + kv[1].trim());
                if (m.equals("visual") && !kv[1].trim().equals("conv-small")) o.addAll(backboneSize());
            }
        } else {
            switch (model) {
                case "quickstart" -> { }
                case "resnet18", "mobilenetv2" -> {
                    o.add("model.visual.encoder=" + model);
                    o.addAll(backboneSize());
                }
                default -> throw new ConfigException("--model", "'" + model + "' is not a model (allowed: " + String.join(", ", PRESETS)
                        + ", an encoder pair audio=ENC,visual=ENC, or a .yaml configuration)");
            }
        }
        o.addAll(overrides);
        return ConfigIO.load(file, o);
    }

    /** A paper backbone at the CPU size of issue 9: 112 px, one frame per clip, batch 8, few synthetic clips. */
    private static List<String> backboneSize() {
        return List.of("dataset.visual.size=112", "dataset.visual.frames=1", "training.batchSize=8", "dataset.synthetic.trainClips=64",
                "dataset.synthetic.valClips=16", "dataset.synthetic.testClips=16");
    }

    /**
     * Times the configuration's training step in Java and, when {@code reference} is given and the
     * method is {@code iibalance}, in the reference.
     *
     * @param name   the model as the user named it (recorded in the figures)
     * @param writeSpec where the reference's spec is written (a temporary file)
     */
    public static BenchFigures run(ExperimentConfig base, String name, Options opt, Reference reference, Path writeSpec)
            throws ConfigException, DatasetException, InterruptedException, IOException {
        ExperimentConfig cfg = ConfigIO.withOverrides(base, List.of("method.budgetMaxEpochs=1", "method.budgetMinEpochs=1"));
        ExperimentRunner.validate(cfg);
        Engine.threads(cfg.threads());
        Device device = Devices.of(Devices.resolve(cfg.device()));
        MultimodalDataset data = Datasets.load(cfg, s -> {});
        TrainingMethod method = Methods.create(cfg.method());
        Engine.seed(cfg.seed());
        int batch = cfg.training().batchSize();
        Batcher batcher = new Batcher(data, device, batch, cfg.seed(), cfg.dataset().visual().framesPerClip());
        MultimodalNetwork net = new MultimodalNetwork(batcher.seenModalities(), data.classes(), cfg.model(), method.fusion());
        if (!device.is_cpu()) net.to(device, false);
        Optimizer optimizer = Optimizers.create(net.trainable(), cfg.training().optimizer(), cfg.training().lr(), cfg.training().weightDecay());
        method.prepare(new MethodContext(cfg, net, device, batcher, MethodProgress.NONE));
        net.train(true);

        int javaThreads = torch.get_num_threads(); // what Engine.threads left in force (threads=0: libtorch's default)
        Reference.Ready ready = null;
        String problem = null;
        if (reference != null && method instanceof IIBalanceMethod iib && iib.name().equals(IIBalanceMethod.Variant.FULL.methodName)) {
            Files.writeString(writeSpec, specJson(cfg, batcher.seenModalities(), data.classes(), iib));
            try {
                ready = reference.start(writeSpec);
                if (ready.threads() != javaThreads) {
                    // step times are only comparable at equal intra-op threads: no ratio rather than a misleading one
                    problem = "not compared: it runs " + ready.threads() + " intra-op threads, Java " + javaThreads
                            + " (the step times are only comparable at equal threads)";
                }
            } catch (IOException | RuntimeException e) {
                problem = "did not start (" + (e.getMessage() == null ? e.toString() : e.getMessage()) + ")";
            }
            if (problem != null) {
                reference.close(); // not kept waiting through the Java rounds
                reference = null;
                ready = null;
            }
        } else {
            reference = null; // the reference implements the full IIBalance step only
        }
        Timer timer = new Timer(method, optimizer, cfg, opt, reference, ready, net);
        for (int epoch = 0; !timer.finished(); epoch++) batcher.train(epoch, timer::accept);
        if (timer.failure != null) { // an unfinished comparison gives no PyTorch figure: the Java figures stand alone
            problem = timer.failure;
            ready = null;
        }
        List<BenchFigures.Round> rounds = timer.rounds;
        double javaBest = rounds.stream().mapToDouble(BenchFigures.Round::javaMs).min().orElseThrow();
        Double pyBest = ready == null ? null : rounds.stream().mapToDouble(BenchFigures.Round::pytorchMs).min().orElseThrow();
        double javaCpu = rounds.stream().mapToDouble(BenchFigures.Round::javaCpuMs).min().orElseThrow();
        Double pyCpu = ready == null || rounds.get(0).pytorchCpuMs() == null ? null
                : rounds.stream().mapToDouble(BenchFigures.Round::pytorchCpuMs).min().orElseThrow();
        double waitFraction = timer.waitNs + timer.stepNs == 0 ? 0 : timer.waitNs / (double) (timer.waitNs + timer.stepNs);
        return new BenchFigures(name, batch, javaThreads, javaBest, pyBest, ready == null ? null : ready.version(), pyBest == null ? null : javaBest / pyBest,
                waitFraction, ProcessMemory.peakRssMiB(), net.parameterCount(), ready == null ? null : ready.parameters().get("total"), javaCpu, pyCpu,
                pyCpu == null ? null : javaCpu / pyCpu, rounds, opt.stepsPerRound(), loadAverage(), problem);
    }

    /** Runs the Java steps inside the batcher's passes and hands over to the reference between blocks. */
    private static final class Timer {
        final TrainingMethod method;
        final Optimizer optimizer;
        final ExperimentConfig cfg;
        final Options opt;
        Reference reference; // null once it failed
        final Reference.Ready ready;
        String failure; // why the reference stopped mid-way (null: it did not)
        final MultimodalNetwork net;
        final List<BenchFigures.Round> rounds = new ArrayList<>();
        final List<Double> block = new ArrayList<>();
        final List<Double> blockCpu = new ArrayList<>();
        final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        int warm;
        boolean checked;
        boolean afterPause = true;
        long lastExit;
        long waitNs;
        long stepNs;

        Timer(TrainingMethod method, Optimizer optimizer, ExperimentConfig cfg, Options opt, Reference reference, Reference.Ready ready, MultimodalNetwork net) {
            this.method = method;
            this.optimizer = optimizer;
            this.cfg = cfg;
            this.opt = opt;
            this.reference = reference;
            this.ready = ready;
            this.net = net;
        }

        boolean finished() {
            return rounds.size() >= opt.rounds();
        }

        void accept(org.iibalance.model.Batch b) {
            if (finished() || b.size() < cfg.training().batchSize()) return;
            long enter = System.nanoTime();
            boolean timed = warm >= opt.warmup();
            if (timed && !afterPause) waitNs += enter - lastExit;
            afterPause = false;
            if (!checked) {
                if (ready != null) compare(net, b, ready);
                checked = true;
            }
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            try (NativeScope step = new NativeScope()) {
                method.trainStep(b, optimizer, 0, cfg.training().epochs());
            }
            long dt = System.nanoTime() - t0;
            long dc = cpu.getCurrentThreadCpuTime() - c0;
            if (!timed) {
                if (++warm == opt.warmup() && reference != null) {
                    pytorchBlock(Math.max(1, opt.warmup()));
                    afterPause = true;
                }
            } else {
                stepNs += dt;
                block.add(dt / 1e6);
                blockCpu.add(dc / 1e6);
                if (block.size() == opt.stepsPerRound()) {
                    Block py = null;
                    if (reference != null) {
                        py = pytorchBlock(opt.stepsPerRound());
                        afterPause = true;
                    }
                    rounds.add(new BenchFigures.Round(MethodBenchmark.median(block), py == null ? null : MethodBenchmark.median(py.ms()), MethodBenchmark.median(blockCpu),
                            py == null || py.cpuMs().isEmpty() ? null : MethodBenchmark.median(py.cpuMs())));
                    block.clear();
                    blockCpu.clear();
                }
            }
            lastExit = System.nanoTime();
        }

        /**
         * The reference's next block, or null when it fails: it is then dropped with the reason and the
         * Java rounds go on, so that the Java figures are kept rather than lost.
         */
        Block pytorchBlock(int n) {
            try {
                return reference.steps(n);
            } catch (IOException | RuntimeException e) {
                failure = "failed after " + rounds.size() + " of " + opt.rounds() + " rounds (" + (e.getMessage() == null ? e.toString() : e.getMessage()) + ")";
                reference.close();
                reference = null;
                return null;
            }
        }
    }

    /** Refuses to compare different networks: parameter counts per part and the encoders' output shapes must agree. */
    static void compare(MultimodalNetwork net, org.iibalance.model.Batch b, Reference.Ready ready) {
        Map<String, Long> java = parameterCounts(net);
        List<String> problems = new ArrayList<>();
        java.forEach((k, v) -> {
            if (!v.equals(ready.parameters().get(k))) problems.add(k + " parameters: Java " + v + ", reference " + ready.parameters().get(k));
        });
        try (NativeScope s = new NativeScope(); NoGradGuard g = new NoGradGuard()) {
            net.eval();
            List<Tensor> z = net.encode(b);
            for (int m = 0; m < z.size(); m++) {
                List<Long> shape = new ArrayList<>();
                for (int i = 0; i < z.get(m).dim(); i++) shape.add(z.get(m).size(i));
                if (!shape.equals(ready.shapes().get("z" + m))) problems.add("z" + m + " shape: Java " + shape + ", reference " + ready.shapes().get("z" + m));
            }
        } finally {
            net.train(true);
        }
        if (!problems.isEmpty()) throw new IllegalStateException("the PyTorch reference is not the same network: " + String.join("; ", problems));
    }

    /** Parameters per part, named as the reference names them. */
    static Map<String, Long> parameterCounts(MultimodalNetwork net) {
        Map<String, Long> p = new LinkedHashMap<>();
        p.put("total", net.parameterCount());
        for (int m = 0; m < net.modalityCount(); m++) {
            p.put("encoder" + m, net.encoder(m).parameterCount());
            p.put("head" + m, net.head(m).parameterCount());
        }
        p.put("fused", net.fusedHead().parameterCount());
        p.put("gate", net.gate() == null ? 0L : net.gate().parameterCount());
        return p;
    }

    /** The spec bench/reference_iibalance.py builds its network and step from. */
    static String specJson(ExperimentConfig cfg, List<ModalitySpec> mods, int classes, IIBalanceMethod iib) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        List<Map<String, Object>> ms = new ArrayList<>();
        for (ModalitySpec m : mods) {
            ModelConfig.EncoderConfig e = Encoders.settings(m, cfg.model());
            Map<String, Object> enc = new LinkedHashMap<>();
            enc.put("encoder", e.encoder());
            enc.put("width", e.width());
            enc.put("hidden", e.hidden());
            enc.put("layers", e.layers());
            enc.put("bidirectional", e.bidirectional());
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("name", m.name());
            mm.put("kind", m.kind() == ModalitySpec.Kind.SPECTROGRAM ? "spectrogram" : "frames");
            mm.put("shape", m.shape());
            mm.put("encoder", enc);
            ms.add(mm);
        }
        s.put("modalities", ms);
        s.put("classes", classes);
        s.put("featureDim", cfg.model().featureDim());
        s.put("channels", cfg.model().channels());
        s.put("poolDim", cfg.model().poolDim());
        s.put("gateHidden", cfg.model().gateHidden());
        s.put("batch", cfg.training().batchSize());
        s.put("threads", cfg.threads());
        s.put("seed", cfg.seed());
        s.put("optimizer", cfg.training().optimizer());
        s.put("lr", cfg.training().lr());
        s.put("weightDecay", cfg.training().weightDecay());
        double[] prior = iib.budget().prior();
        s.put("prior", prior);
        s.put("anchor", iib.budget().anchor());
        s.put("strengths", RelativeAlignmentLoss.strengths(prior, iib.budget().anchor()));
        s.put("tauP", cfg.method().tauP());
        s.put("gamma", cfg.method().gamma());
        s.put("rho", cfg.method().rho());
        s.put("lambda", cfg.method().lambdaStart());
        s.put("cosine", cfg.method().normalizeFeatures());
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
    }

    /** The 1-minute load average from /proc/loadavg (null off Linux). */
    public static Double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
