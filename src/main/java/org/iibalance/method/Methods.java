package org.iibalance.method;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.iibalance.config.MethodConfig;

/** The registry of training methods, by {@code method.name}. */
public final class Methods {
    private static final Map<String, Function<MethodConfig, TrainingMethod>> FACTORIES = new LinkedHashMap<>();
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        for (IIBalanceMethod.Variant v : IIBalanceMethod.Variant.values()) {
            register(v.methodName, c -> new IIBalanceMethod(v, c), switch (v) {
                case FULL -> "IIBalance: budget prior (Eq. 1-2), Stage I alignment (Eq. 3-6), Stage II gate (Eq. 7-11), schedule (Eq. 12-13)";
                case UNIFORM_PRIOR -> "ablation w/o IIB prior: uniform beta";
                case NO_STAGE_ONE -> "ablation w/o Stage I: unimodal cross-entropy only, no prototype alignment";
                case NO_STAGE_TWO -> "ablation w/o Stage II: fixed fusion weights w = beta, no gate";
            });
        }
        register("joint", c -> new JointTrainingMethod(), "joint training: concatenation fusion, cross-entropy on the fused output");
        register("mslr", MslrMethod::new, "MSLR: modality-specific learning rates adapted from each modality's validation accuracy");
        register("g-blending", GBlendingMethod::new, "G-Blending: fused and unimodal losses blended by overfitting-to-generalisation ratios (validation split)");
        register("ogm-ge", OgmGeMethod::new, "OGM-GE: dominant modality's update scaled by 1 - tanh(alpha rho), Gaussian enhancement");
        register("greedy", GreedyMethod::new, "Greedy: re-balancing steps for the modality with the slower conditional learning speed (no MMTM)");
        register("pmr", PmrMethod::new, "PMR: prototype cross-entropy on the slow modality, prototype entropy regularisation on the dominant one");
        register("agm", AgmMethod::new, "AGM: encoder updates scaled by exp(alpha (target ratio - ratio)) of Shapley mono-modal responses");
        register("mmpareto", MmParetoMethod::new, "MMPareto: multimodal and unimodal gradients combined (min-norm on conflict), rescaled by gamma");
        register("ggdm", GgdmMethod::new, "GGDM (reconstruction): gradient-volume modulation around the geometric mean, Jensen-Shannon alignment");
    }

    private Methods() {}

    /** Adds a method (baselines register here). */
    public static synchronized void register(String name, Function<MethodConfig, TrainingMethod> factory, String description) {
        FACTORIES.put(name, factory);
        DESCRIPTIONS.put(name, description);
    }

    /** Every method name, including {@code unimodal-<modality>} for the given modalities. */
    public static synchronized List<String> names(List<String> modalities) {
        List<String> n = new ArrayList<>(FACTORIES.keySet());
        for (String m : modalities) n.add("unimodal-" + m);
        return n;
    }

    public static synchronized String description(String name) {
        if (name.startsWith("unimodal-")) return "one modality alone: " + name.substring(9) + " encoder and head, cross-entropy";
        return DESCRIPTIONS.getOrDefault(name, "");
    }

    /** Whether the name is known ({@code unimodal-X} is checked against the dataset later). */
    public static synchronized boolean exists(String name) {
        return FACTORIES.containsKey(name) || (name != null && name.startsWith("unimodal-") && name.length() > 9);
    }

    /** What the configured method has, without training it (building a method allocates nothing). */
    public static org.iibalance.run.Capabilities capabilities(MethodConfig cfg) {
        return create(cfg).capabilities();
    }

    /**
     * The method named by {@code method.name}. With {@code method.unimodalPretraining: all}, a method
     * that does not pre-train itself (every one but IIBalance and its ablations, whose budget models
     * are that pre-training) is wrapped so that it starts from the same unimodal pre-training
     * ({@link Pretrained}). The {@code unimodal-<m>} reference models always train from scratch.
     */
    public static synchronized TrainingMethod create(MethodConfig cfg) {
        String name = cfg.name();
        if (name != null && name.startsWith("unimodal-")) return new UnimodalMethod(name.substring(9));
        Function<MethodConfig, TrainingMethod> f = FACTORIES.get(name);
        if (f == null) throw new IllegalArgumentException("method.name: '" + name + "' is not a method (allowed: " + String.join(", ", names(List.of("audio", "visual"))) + ")");
        TrainingMethod m = f.apply(cfg);
        return PRETRAIN_ALL.equals(cfg.unimodalPretraining()) && !(m instanceof IIBalanceMethod) ? new Pretrained(m, cfg) : m;
    }

    /** {@code method.unimodalPretraining} values. */
    public static final String PRETRAIN_ALL = "all";
    public static final String PRETRAIN_NONE = "none";
}
