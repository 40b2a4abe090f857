package org.iibalance.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.iibalance.config.ConfigException;
import org.iibalance.experiment.CancellationToken;
import org.iibalance.experiment.cluster.ClusterTrial;
import org.iibalance.experiment.cluster.Slurm;
import org.iibalance.experiment.cluster.SlurmExecutor;
import org.iibalance.experiment.cluster.SlurmSettings;
import org.iibalance.experiment.cluster.TaskLauncher;
import org.iibalance.experiment.cluster.TrialState;
import picocli.CommandLine.Option;

/**
 * The options {@code matrix} and {@code sweep} share for running on a cluster: the executor, the
 * Slurm resources (a settings file and flags for single keys), waiting, the chained report, and
 * {@code --status} / {@code --cancel} of a submitted folder.
 */
final class ClusterOptions {
    enum Executor { local, slurm }

    @Option(names = "--executor", paramLabel = "local|slurm", defaultValue = "local",
            description = "local: trials run in this process (default); slurm: one Slurm job array, one task per trial (see README \"On a cluster\")")
    Executor executor;

    @Option(names = "--slurm-config", paramLabel = "FILE", description = "Slurm settings (YAML; keys as in sample-configs/slurm.yaml); the resource flags override single keys")
    Path slurmConfig;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition (key partition)")
    String partition;

    @Option(names = "--account", paramLabel = "NAME", description = "Slurm account (key account)")
    String account;

    @Option(names = "--cpus-per-task", paramLabel = "N", description = "CPUs per trial, also its libtorch threads (key cpusPerTask, default 1)")
    Integer cpusPerTask;

    @Option(names = "--mem", paramLabel = "SIZE", description = "memory per trial, e.g. 4G (key memory, default 4G)")
    String memory;

    @Option(names = "--time", paramLabel = "LIMIT", description = "time limit per trial, e.g. 02:00:00 (key time)")
    String time;

    @Option(names = "--gpus-per-task", paramLabel = "N", description = "GPUs per trial (key gpusPerTask; also --set device=cuda)")
    Integer gpusPerTask;

    @Option(names = "--gres", paramLabel = "SPEC", description = "generic resources per trial, e.g. gpu:1 (key gres)")
    String gres;

    @Option(names = "--array-limit", paramLabel = "N", description = "at most N trials at once: the %%N of --array (key arrayLimit)")
    Integer arrayLimit;

    @Option(names = "--sbatch", paramLabel = "OPTION", description = "one more #SBATCH line, e.g. --sbatch=--qos=short (repeatable; key sbatch)")
    List<String> sbatch;

    @Option(names = "--java-opt", paramLabel = "OPTION", description = "a JVM option of every task, e.g. --java-opt=-Xmx6g (repeatable; key javaOptions)")
    List<String> javaOptions;

    @Option(names = "--javacpp-cache", paramLabel = "DIR", description = "where the tasks unpack libtorch (~350 MB; key javacppCacheDir; default ~/.javacpp/cache)")
    String javacppCache;

    @Option(names = "--jar", paramLabel = "FILE", description = "the workbench jar the tasks run, on a shared filesystem (key jar; default: this jar)")
    String jar;

    @Option(names = "--wait", description = "with --executor slurm: wait until every trial has ended, showing k of N done and an ETA")
    boolean await;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "15", description = "how often --wait asks the scheduler (default ${DEFAULT-VALUE} s)")
    double poll;

    @Option(names = "--report-to", paramLabel = "DIR", description = "with --executor slurm: chain a report job (afterany) writing Tables and Figures to DIR")
    Path reportTo;

    @Option(names = "--status", paramLabel = "DIR", description = "print each trial's state of a folder submitted to Slurm, and a summary line")
    Path statusDir;

    @Option(names = "--cancel", paramLabel = "DIR", description = "cancel (scancel) the pending and running trials of a folder submitted to Slurm")
    Path cancelDir;

    boolean slurm() {
        return executor == Executor.slurm;
    }

    /** The settings file (if any) with the flags on top. */
    SlurmSettings settings() throws ConfigException {
        SlurmSettings base = slurmConfig != null ? SlurmSettings.load(slurmConfig) : SlurmSettings.defaults();
        return base.override(partition, account, cpusPerTask, memory, time, gpusPerTask, gres, arrayLimit, sbatch, javaOptions, javacppCache, jar).validate("");
    }

    /** Refuses the cluster-only flags with the local executor (they would be silently ignored). */
    String misuse() {
        if (slurm()) return null;
        if (await) return "--wait";
        if (reportTo != null) return "--report-to";
        if (slurmConfig != null || partition != null || account != null || cpusPerTask != null || memory != null || time != null || gpusPerTask != null
                || gres != null || arrayLimit != null || sbatch != null || javaOptions != null || javacppCache != null || jar != null) return "the Slurm resource options";
        return null;
    }

    /** Submits the trials as one array (and the report), then returns or waits. Exit code: 0 submitted (with --wait: all completed), 1 not all completed, 2 refused. */
    int submit(String what, List<ClusterTrial> trials, Path out, PrintStream o) throws IOException {
        SlurmSettings s;
        TaskLauncher launcher;
        try {
            s = settings();
            launcher = TaskLauncher.of(s);
        } catch (ConfigException e) {
            return CtrlC.refused("Slurm settings", e);
        }
        String why = Slurm.unavailableReason();
        if (why != null) {
            System.err.println("--executor slurm: Slurm cannot be used from here: " + why);
            return 2;
        }
        SlurmExecutor ex = new SlurmExecutor(out);
        SlurmExecutor.Submission sub;
        try {
            sub = ex.submit(trials, s, launcher, reportTo);
        } catch (ConfigException e) {
            return CtrlC.refused("configuration", e);
        }
        o.println(what + " folder: " + out.toAbsolutePath().normalize());
        o.printf(Locale.ROOT, "%d trials: %d already completed, %d still queued from an earlier submission, %d submitted%s%n", trials.size(),
                sub.completed().size(), sub.queued().size(), sub.submitted().size(),
                sub.arrayJobId() == null ? "" : " as job array " + sub.arrayJobId() + " (script " + ex.folder().resolve("task.sh") + ")");
        if (sub.reportJobId() != null) o.println("report job " + sub.reportJobId() + " writes to " + reportTo + " once the array has ended (afterany)");
        if (!await) {
            o.println("watch with: " + what + " --status " + out + "   cancel with: " + what + " --cancel " + out + "   resubmit: the same command (with this --out)");
            return 0;
        }
        return waitFor(ex, o);
    }

    private int waitFor(SlurmExecutor ex, PrintStream o) throws IOException {
        CtrlC ctrlC = new CtrlC();
        CancellationToken stop = ctrlC.token();
        try {
            List<SlurmExecutor.TrialStatus> end = ex.await(poll, p -> o.println(p.line()), stop);
            if (stop.isCancelled()) {
                o.println("stopped waiting; the jobs keep running (--status / --cancel)");
                return 130;
            }
            printStatus(end, o);
            return end.stream().allMatch(t -> t.state() == TrialState.COMPLETED) ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            ctrlC.close();
        }
    }

    /** {@code --status DIR}: one line per trial, then the summary. Exit code 0 when the folder could be read, 2 when it is no cluster folder. */
    static int status(Path dir, PrintStream o) {
        if (!SlurmExecutor.isClusterFolder(dir)) {
            System.err.println(dir + ": not a matrix or sweep folder submitted with --executor slurm (no slurm/trials.tsv)");
            return 2;
        }
        try {
            printStatus(new SlurmExecutor(dir).status(), o);
            return 0;
        } catch (IOException e) {
            System.err.println(dir + ": " + e.getMessage());
            return 1;
        }
    }

    /** {@code --cancel DIR}. */
    static int cancel(Path dir, PrintStream o) {
        if (!SlurmExecutor.isClusterFolder(dir)) {
            System.err.println(dir + ": not a matrix or sweep folder submitted with --executor slurm (no slurm/trials.tsv)");
            return 2;
        }
        try {
            List<String> ids = new SlurmExecutor(dir).cancel();
            o.println(ids.isEmpty() ? "nothing pending or running" : "cancelled job(s) " + String.join(", ", ids)
                    + "; running trials stop at their next batch and keep their last checkpoint (the same matrix command resubmits them)");
            return 0;
        } catch (IOException e) {
            System.err.println(dir + ": " + e.getMessage());
            return 1;
        }
    }

    private static void printStatus(List<SlurmExecutor.TrialStatus> ss, PrintStream o) {
        int w = ss.stream().mapToInt(s -> s.trial().label().length()).max().orElse(5);
        o.printf(Locale.ROOT, "%-" + w + "s  %-13s  %-10s  %6s  %6s  %s%n", "trial", "state", "task", "epochs", "Acc_m", "detail");
        for (SlurmExecutor.TrialStatus s : ss) {
            o.printf(Locale.ROOT, "%-" + w + "s  %-13s  %-10s  %6d  %6s  %s%n", s.trial().label(), s.state().label(), s.taskId() == null ? "-" : s.taskId(),
                    s.epochs(), s.accMultimodal() == null ? "-" : String.format(Locale.ROOT, "%.4f", s.accMultimodal()), s.detail() == null ? "" : s.detail());
        }
        o.println(SlurmExecutor.summary(ss));
    }
}
