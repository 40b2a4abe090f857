package org.iibalance.config;

/**
 * Everything that defines a run. Every field has a documented default ({@link #defaults()}); a YAML
 * file or {@code --set key=value} overrides only what it names.
 *
 * @param name     short run name, used in the run folder name
 * @param seed     seed of data generation, splits, shuffling and initialisation
 * @param device   {@code cpu}, {@code cuda}, {@code cuda:N} or {@code auto}
 * @param threads  libtorch intra-op threads (0: leave libtorch's default)
 * @param dataset  which data and how it is prepared
 * @param model    encoder sizes
 * @param method   the training method and its hyper-parameters
 * @param training optimiser, epochs, batch size, checkpoints
 * @param output   where run folders go
 */
public record ExperimentConfig(
        @ConfigDoc(value = "short run name, used in the run folder name", range = "1-64 letters, digits, '.', '_' or '-'")
        String name,
        @ConfigDoc("seed of data generation, splits, shuffling and initialisation")
        long seed,
        @ConfigDoc(value = "where tensors live: cpu, cuda, cuda:N, or auto (the first CUDA device when this build and machine have one, else cpu)",
                range = "cpu, cuda, cuda:N, auto")
        String device,
        @ConfigDoc(value = "libtorch intra-op threads (0: libtorch's default)", min = 0)
        int threads,
        @ConfigDoc("which data and how it is prepared")
        DatasetConfig dataset,
        @ConfigDoc("encoder sizes")
        ModelConfig model,
        @ConfigDoc("the training method and its hyper-parameters")
        MethodConfig method,
        @ConfigDoc("optimiser, epochs, batch size, early stopping")
        TrainingConfig training,
        @ConfigDoc("where run folders go")
        OutputConfig output) {

    /** The defaults: IIBalance on the embedded synthetic-av data, sized for the quickstart. */
    public static ExperimentConfig defaults() {
        return new ExperimentConfig("quickstart", 42L, "cpu", 2,
                DatasetConfig.defaults(), ModelConfig.defaults(), MethodConfig.defaults(),
                TrainingConfig.defaults(), OutputConfig.defaults());
    }

    public ExperimentConfig withName(String n) {
        return new ExperimentConfig(n, seed, device, threads, dataset, model, method, training, output);
    }

    public ExperimentConfig withSeed(long s) {
        return new ExperimentConfig(name, s, device, threads, dataset, model, method, training, output);
    }
}
