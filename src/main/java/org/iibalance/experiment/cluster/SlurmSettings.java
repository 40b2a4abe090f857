package org.iibalance.experiment.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigProblem;

/**
 * The resources and launch settings of a Slurm job array: what each array task (one trial) asks the
 * scheduler for, and how it starts the workbench. Read from a YAML file ({@code --slurm-config},
 * e.g. {@code sample-configs/slurm.yaml}) whose keys are the component names below; command-line
 * flags override single keys. Every key is optional.
 *
 * @param partition       {@code --partition}; null: the cluster's default partition
 * @param account         {@code --account}; null: the user's default account
 * @param cpusPerTask     {@code --cpus-per-task} (default 1); also the run's libtorch {@code threads}
 * @param memory          {@code --mem} per task, e.g. {@code 4G} (default 4G)
 * @param time            {@code --time} per task, e.g. {@code 02:00:00} or {@code 1-00:00:00}; null: the partition's limit
 * @param gpusPerTask     {@code --gpus-per-task} (default 0: none); set {@code device=cuda} in the runs' configuration too
 * @param gres            {@code --gres}, e.g. {@code gpu:1}, for clusters that count GPUs as generic resources; null: none
 * @param arrayLimit      array concurrency, the {@code %N} of {@code --array}: at most N trials run at once; null: no limit
 * @param jobName         {@code --job-name} (default {@code iibalance})
 * @param sbatch          extra {@code #SBATCH} lines, as written after {@code #SBATCH} (e.g. {@code --qos=short})
 * @param java            the java command on the compute nodes (default {@code java}: the first on their PATH)
 * @param javaOptions     JVM options of each task, e.g. {@code -Xmx4g}
 * @param javacppCacheDir where libtorch's native libraries unpack ({@code -Dorg.bytedeco.javacpp.cachedir}); null:
 *                        {@code ~/.javacpp/cache}. About 350 MB: point it outside a small cluster home quota
 * @param jar             the workbench jar the tasks run (on a shared filesystem); null: the jar this command runs from
 */
public record SlurmSettings(String partition, String account, Integer cpusPerTask, String memory, String time, Integer gpusPerTask, String gres,
        Integer arrayLimit, String jobName, List<String> sbatch, String java, List<String> javaOptions, String javacppCacheDir, String jar) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** Every key at its default. */
    public static SlurmSettings defaults() {
        return new SlurmSettings(null, null, 1, "4G", null, 0, null, null, "iibalance", List.of(), "java", List.of(), null, null);
    }

    /** Null components take their defaults. */
    public SlurmSettings {
        cpusPerTask = cpusPerTask == null ? 1 : cpusPerTask;
        memory = memory == null ? "4G" : memory;
        gpusPerTask = gpusPerTask == null ? 0 : gpusPerTask;
        jobName = jobName == null ? "iibalance" : jobName;
        sbatch = sbatch == null ? List.of() : List.copyOf(sbatch);
        java = java == null ? "java" : java;
        javaOptions = javaOptions == null ? List.of() : List.copyOf(javaOptions);
    }

    /** Reads the keys of a YAML file (missing keys take their defaults); an unknown key or bad value is refused with its name. */
    public static SlurmSettings load(Path file) throws ConfigException {
        SlurmSettings s;
        try {
            s = YAML.readValue(file.toFile(), SlurmSettings.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ": " + e.getPropertyName(), "unknown key (allowed: partition, account, cpusPerTask, memory, time, "
                    + "gpusPerTask, gres, arrayLimit, jobName, sbatch, java, javaOptions, javacppCacheDir, jar)");
        } catch (IOException e) {
            String why = Files.exists(file) ? "is not valid Slurm settings YAML (" + e.getMessage().lines().findFirst().orElse("") + ")" : "does not exist";
            throw new ConfigException(file.toString(), why);
        }
        if (s == null) s = defaults();
        s.validate(file + ": ");
        return s;
    }

    /** Refuses values sbatch would refuse later (or that would break the generated script), naming the key. */
    public SlurmSettings validate(String where) throws ConfigException {
        List<ConfigProblem> p = new ArrayList<>();
        if (cpusPerTask < 1) p.add(new ConfigProblem(where + "cpusPerTask", "must be >= 1 (got " + cpusPerTask + ")"));
        if (gpusPerTask < 0) p.add(new ConfigProblem(where + "gpusPerTask", "must be >= 0 (got " + gpusPerTask + ")"));
        if (arrayLimit != null && arrayLimit < 1) p.add(new ConfigProblem(where + "arrayLimit", "must be >= 1 (got " + arrayLimit + ")"));
        if (!memory.matches("[0-9]+[KMGT]?")) p.add(new ConfigProblem(where + "memory", "must be a number with an optional unit K, M, G or T, e.g. 4G (got '" + memory + "')"));
        if (time != null && !time.matches("([0-9]+-)?[0-9]+(:[0-9]{1,2}){0,2}")) {
            p.add(new ConfigProblem(where + "time", "must be minutes, HH:MM:SS or D-HH:MM:SS (got '" + time + "')"));
        }
        for (String[] kv : new String[][] {{"partition", partition}, {"account", account}, {"gres", gres}, {"jobName", jobName}}) {
            if (kv[1] != null && !kv[1].matches("[A-Za-z0-9._:,=+-]+")) p.add(new ConfigProblem(where + kv[0], "must be letters, digits and . _ : , = + - (got '" + kv[1] + "')"));
        }
        for (String line : sbatch) {
            if (line.isBlank() || line.contains("\n") || line.contains("\r") || !line.trim().startsWith("-")) {
                p.add(new ConfigProblem(where + "sbatch", "each entry is one sbatch option as written after #SBATCH, e.g. --qos=short (got '" + line + "')"));
            } else if (line.trim().startsWith("--array") || line.trim().startsWith("--output") || line.trim().startsWith("-a ")) {
                p.add(new ConfigProblem(where + "sbatch", "'" + line + "' is set by the workbench (use arrayLimit for the array concurrency)"));
            }
        }
        for (String o : javaOptions) if (o.contains("\n")) p.add(new ConfigProblem(where + "javaOptions", "one option per entry, no line breaks"));
        if (!p.isEmpty()) throw new ConfigException(p);
        return this;
    }

    /** The same settings with the non-null arguments replacing their keys (the command-line flags). */
    public SlurmSettings override(String partition, String account, Integer cpusPerTask, String memory, String time, Integer gpusPerTask, String gres,
            Integer arrayLimit, List<String> sbatch, List<String> javaOptions, String javacppCacheDir, String jar) {
        List<String> allSbatch = new ArrayList<>(this.sbatch);
        if (sbatch != null) allSbatch.addAll(sbatch);
        List<String> allJava = new ArrayList<>(this.javaOptions);
        if (javaOptions != null) allJava.addAll(javaOptions);
        return new SlurmSettings(partition != null ? partition : this.partition, account != null ? account : this.account,
                cpusPerTask != null ? cpusPerTask : this.cpusPerTask, memory != null ? memory : this.memory, time != null ? time : this.time,
                gpusPerTask != null ? gpusPerTask : this.gpusPerTask, gres != null ? gres : this.gres, arrayLimit != null ? arrayLimit : this.arrayLimit,
                jobName, allSbatch, java, allJava, javacppCacheDir != null ? javacppCacheDir : this.javacppCacheDir, jar != null ? jar : this.jar);
    }

    /** Writes these settings as YAML (kept beside the array script, so a later submission can reuse them). */
    public String toYaml() {
        try {
            return YAML.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code #SBATCH} options of one array task (without {@code --array} and {@code --output}). */
    public List<String> sbatchOptions() {
        List<String> o = new ArrayList<>();
        o.add("--job-name=" + jobName);
        if (partition != null) o.add("--partition=" + partition);
        if (account != null) o.add("--account=" + account);
        o.add("--ntasks=1");
        o.add("--cpus-per-task=" + cpusPerTask);
        o.add("--mem=" + memory);
        if (time != null) o.add("--time=" + time);
        if (gpusPerTask > 0) o.add("--gpus-per-task=" + gpusPerTask);
        if (gres != null) o.add("--gres=" + gres);
        o.addAll(sbatch.stream().map(String::trim).toList());
        return o;
    }
}
