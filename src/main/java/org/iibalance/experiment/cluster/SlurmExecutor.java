package org.iibalance.experiment.cluster;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.iibalance.config.ConfigException;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.experiment.CancellationToken;
import org.iibalance.run.RunFiles;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;
import org.iibalance.run.StateFile;

/**
 * Runs the trials of a matrix or sweep as one Slurm job array. Each trial trains into the same run
 * folder as with the local executor; the folder of the matrix (or sweep) gets a {@code slurm/}
 * folder that records what was submitted:
 *
 * <pre>
 * slurm/trials.tsv     array index, label, trial folder (relative): the whole matrix
 * slurm/jobs.tsv       one line per submission: job id, kind (array or report), array indices, time
 * slurm/task.sh        the array script: task i trains trial i
 * slurm/report.sh      the chained report job (with --report-to)
 * slurm/settings.yaml  the resources of the last submission
 * slurm/logs/          the tasks' output, %A_%a.out (appended across requeues)
 * </pre>
 *
 * Before submitting, each trial's resolved configuration is written into its folder
 * ({@value #TRIAL_CONFIG}); a task then runs {@code train --config <it> --run-dir <folder>}, or
 * {@code train --resume <folder>} when the folder already holds a started run (a cancelled,
 * preempted, requeued or killed task continues from its last checkpoint). Submitting again skips
 * the completed trials and those still pending or running.
 */
public final class SlurmExecutor {
    /** The folder, inside the matrix or sweep folder, that records the cluster submissions. */
    public static final String FOLDER = "slurm";
    /** The resolved configuration an array task trains, in the trial's folder until the run writes its own config.yaml. */
    public static final String TRIAL_CONFIG = "trial-config.yaml";
    static final String TRIALS = "trials.tsv";
    static final String JOBS = "jobs.tsv";
    static final String TASK_SCRIPT = "task.sh";
    static final String REPORT_SCRIPT = "report.sh";
    static final String SETTINGS = "settings.yaml";

    private final Path out;
    private final Slurm slurm;

    /** The executor of the matrix or sweep folder {@code out}. */
    public SlurmExecutor(Path out) {
        this(out, new Slurm());
    }

    SlurmExecutor(Path out, Slurm slurm) {
        this.out = out.toAbsolutePath().normalize();
        this.slurm = slurm;
    }

    public Path folder() {
        return out.resolve(FOLDER);
    }

    /** True when {@code dir} holds a matrix or sweep submitted to Slurm. */
    public static boolean isClusterFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(FOLDER).resolve(TRIALS));
    }

    /**
     * What one submission did.
     *
     * @param arrayJobId  the array's job id (null when nothing needed to run)
     * @param submitted   the trials in the array
     * @param completed   trials skipped because their run folder completed
     * @param queued      trials skipped because an earlier array still has them pending or running
     * @param reportJobId the chained report job (null without {@code --report-to})
     */
    public record Submission(String arrayJobId, List<ClusterTrial> submitted, List<ClusterTrial> completed, List<ClusterTrial> queued, String reportJobId) {}

    /**
     * Writes every trial's resolved configuration into its folder, the manifest and the array
     * script, then submits the trials that are neither completed nor still queued as one array
     * ({@code sbatch --parsable --array=<indices>[%N]}); with {@code reportTo}, chains a
     * {@code report} job that starts when every task of the matrix has ended ({@code afterany}).
     */
    public Submission submit(List<ClusterTrial> trials, SlurmSettings settings, TaskLauncher launcher, Path reportTo) throws IOException, ConfigException {
        settings.validate("");
        for (ClusterTrial t : trials) {
            if (!t.dir().toAbsolutePath().normalize().startsWith(out)) throw new ConfigException(t.label(), "trial folder " + t.dir() + " is outside " + out);
            String p = t.dir().toAbsolutePath().toString();
            if (p.contains("\n") || p.contains("\t")) throw new ConfigException(t.label(), "a folder name with a tab or line break cannot go into a job script");
        }
        Files.createDirectories(folder().resolve("logs"));
        try (FileChannel ch = FileChannel.open(folder().resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = ch.lock()) {
            // what an earlier submission still has in the queue must not start twice
            Map<Integer, TrialStatus> before = new LinkedHashMap<>();
            if (isClusterFolder(out)) for (TrialStatus s : status()) before.put(s.trial().index(), s);

            List<ClusterTrial> run = new ArrayList<>();
            List<ClusterTrial> completed = new ArrayList<>();
            List<ClusterTrial> queued = new ArrayList<>();
            Set<String> activeJobs = new LinkedHashSet<>();
            for (ClusterTrial t : trials) {
                TrialStatus b = before.get(t.index());
                if (runState(t.dir()) == RunState.COMPLETED) {
                    completed.add(t);
                } else if (b != null && b.state().active() && b.trial().dir().equals(t.dir().toAbsolutePath().normalize())) {
                    queued.add(t);
                    activeJobs.add(b.taskId().substring(0, b.taskId().indexOf('_')));
                } else {
                    run.add(t);
                }
            }
            for (ClusterTrial t : run) prepare(t, settings);
            writeTrials(trials);
            ConfigIO.writeAtomically(folder().resolve(SETTINGS), settings.toYaml());
            ConfigIO.writeAtomically(folder().resolve(TASK_SCRIPT), ArrayScript.task(trials, settings, launcher, folder()));

            String arrayId = null;
            if (!run.isEmpty()) {
                List<Integer> idx = run.stream().map(ClusterTrial::index).toList();
                String array = ArrayScript.ranges(idx) + (settings.arrayLimit() != null ? "%" + settings.arrayLimit() : "");
                arrayId = slurm.submit(List.of("--array=" + array, "--output=" + folder().resolve("logs") + "/%A_%a.out", "--open-mode=append"),
                        folder().resolve(TASK_SCRIPT));
                recordJob(arrayId, "array", ArrayScript.ranges(idx));
                activeJobs.add(arrayId);
            }
            String reportId = null;
            if (reportTo != null) {
                ConfigIO.writeAtomically(folder().resolve(REPORT_SCRIPT), ArrayScript.report(out, reportTo.toAbsolutePath().normalize(), settings, launcher, folder()));
                List<String> opts = new ArrayList<>(List.of("--output=" + folder().resolve("logs") + "/report-%j.out"));
                if (!activeJobs.isEmpty()) {
                    opts.add("--dependency=afterany:" + String.join(":", activeJobs));
                    opts.add("--kill-on-invalid-dep=no");
                }
                reportId = slurm.submit(opts, folder().resolve(REPORT_SCRIPT));
                recordJob(reportId, "report", "-");
            }
            return new Submission(arrayId, run, completed, queued, reportId);
        }
    }

    /** Writes the resolved configuration (threads = the CPUs the task asks for) into the trial's folder. */
    private static void prepare(ClusterTrial t, SlurmSettings settings) throws IOException, ConfigException {
        Files.createDirectories(t.dir());
        if (RunFiles.hasConfig(t.dir())) return; // started before: the task resumes with the folder's own configuration
        ExperimentConfig c = ConfigIO.withOverrides(t.config(), List.of("threads=" + settings.cpusPerTask()));
        ConfigIO.write(c, t.dir().resolve(TRIAL_CONFIG), "# " + t.label() + ": resolved for a Slurm array task, which trains it into this folder\n");
    }

    private void writeTrials(List<ClusterTrial> trials) throws IOException {
        StringBuilder b = new StringBuilder("# index\tlabel\tfolder (relative to the matrix or sweep folder)\n");
        for (ClusterTrial t : trials) b.append(t.index()).append('\t').append(t.label()).append('\t').append(out.relativize(t.dir().toAbsolutePath().normalize())).append('\n');
        ConfigIO.writeAtomically(folder().resolve(TRIALS), b.toString());
    }

    private void recordJob(String id, String kind, String indices) throws IOException {
        Path f = folder().resolve(JOBS);
        String line = id + "\t" + kind + "\t" + indices + "\t" + Instant.now() + "\n";
        if (!Files.exists(f)) line = "# job id\tkind\tarray indices\tsubmitted\n" + line;
        Files.writeString(f, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The trials of the submitted matrix or sweep, read back from {@code slurm/trials.tsv} (without configurations). */
    public List<ClusterTrial> trials() throws IOException {
        Path f = folder().resolve(TRIALS);
        if (!Files.isRegularFile(f)) throw new IOException(out + " was not submitted to Slurm (no " + out.relativize(f) + ")");
        List<ClusterTrial> ts = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] c = line.split("\t");
            if (c.length != 3) throw new IOException(f + ": malformed line '" + line + "'");
            ts.add(new ClusterTrial(Integer.parseInt(c[0]), c[1], out.resolve(c[2]).normalize(), null));
        }
        return ts;
    }

    /** One submitted job, from {@code slurm/jobs.tsv}. */
    record Job(String id, String kind, Set<Integer> indices) {}

    List<Job> jobs() throws IOException {
        Path f = folder().resolve(JOBS);
        List<Job> js = new ArrayList<>();
        if (!Files.isRegularFile(f)) return js;
        for (String line : Files.readAllLines(f)) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] c = line.split("\t");
            if (c.length < 3) throw new IOException(f + ": malformed line '" + line + "'");
            js.add(new Job(c[0], c[1], "-".equals(c[2]) ? Set.of() : ArrayScript.parseRanges(c[2])));
        }
        return js;
    }

    /**
     * A trial's state with what explains it.
     *
     * @param trial          the trial
     * @param state          its state
     * @param taskId         its latest array task ({@code <job>_<index>}), or null when never submitted
     * @param epochs         epochs its run folder has completed
     * @param accMultimodal  test Acc_m of a completed run, else null
     * @param detail         the scheduler's state and reason, the run folder's reason, or null
     */
    public record TrialStatus(ClusterTrial trial, TrialState state, String taskId, int epochs, Double accMultimodal, String detail) {}

    /** Every trial's state: its run folder, then the scheduler's state of its latest array task. */
    public List<TrialStatus> status() throws IOException {
        List<ClusterTrial> trials = trials();
        Map<Integer, String> latest = new LinkedHashMap<>();
        Set<String> arrayIds = new LinkedHashSet<>();
        for (Job j : jobs()) {
            if (!"array".equals(j.kind())) continue;
            arrayIds.add(j.id());
            for (int i : j.indices()) latest.put(i, j.id() + "_" + i);
        }
        Map<String, Slurm.JobState> sched = slurm.states(arrayIds);
        List<TrialStatus> out = new ArrayList<>();
        for (ClusterTrial t : trials) out.add(statusOf(t, latest.get(t.index()), sched));
        return out;
    }

    private static TrialStatus statusOf(ClusterTrial t, String taskId, Map<String, Slurm.JobState> sched) {
        RunState run = runState(t.dir());
        int epochs = epochsCompleted(t.dir());
        if (run == RunState.COMPLETED) {
            Double acc = null;
            try {
                acc = RunSummary.results(t.dir()).accMultimodal();
            } catch (IOException e) {
                // completed but results unreadable: the state stands, the figure is missing
            }
            return new TrialStatus(t, TrialState.COMPLETED, taskId, epochs, acc, null);
        }
        String folderSays = run == null ? "no run yet" : "run folder: " + run.label() + reasonOf(t.dir());
        if (taskId == null) return new TrialStatus(t, TrialState.NOT_SUBMITTED, null, epochs, null, run == null ? null : folderSays);
        Slurm.JobState js = sched.get(taskId);
        if (js == null) {
            TrialState s = run == RunState.CANCELLED ? TrialState.CANCELLED
                    : run == RunState.FAILED || run == RunState.DIVERGED ? TrialState.FAILED : TrialState.UNKNOWN;
            return new TrialStatus(t, s, taskId, epochs, null, "the scheduler no longer knows " + taskId + "; " + folderSays);
        }
        TrialState s = TrialState.ofSlurm(js.state());
        String detail = "slurm: " + js.state() + (js.reason() != null ? " (" + js.reason() + ")" : "");
        if (s == TrialState.FAILED || s == TrialState.CANCELLED || s == TrialState.PREEMPTED || s == TrialState.UNKNOWN) detail += "; " + folderSays;
        return new TrialStatus(t, s, taskId, epochs, null, detail);
    }

    /** The run folder's state, or null when it holds no run yet. */
    static RunState runState(Path dir) {
        StateFile s = stateFile(dir);
        return s == null ? null : s.state();
    }

    /** The folder's state file, or null when it holds no (readable) run state yet. */
    private static StateFile stateFile(Path dir) {
        try {
            return RunSummary.stateOf(dir);
        } catch (IOException e) {
            return null;
        }
    }

    private static String reasonOf(Path dir) {
        StateFile s = stateFile(dir);
        return s == null || s.reason() == null ? "" : " (" + s.reason() + ")";
    }

    private static int epochsCompleted(Path dir) {
        StateFile s = stateFile(dir);
        return s == null ? 0 : s.epochsCompleted();
    }

    /** {@code "6 trials: 4 completed, 1 running, 1 pending"}: the states that occur, in the enum's order. */
    public static String summary(List<TrialStatus> ss) {
        Map<TrialState, Integer> n = counts(ss);
        List<String> parts = new ArrayList<>();
        for (Map.Entry<TrialState, Integer> e : n.entrySet()) if (e.getValue() > 0) parts.add(e.getValue() + " " + e.getKey().label());
        return ss.size() + " trials: " + String.join(", ", parts);
    }

    static Map<TrialState, Integer> counts(List<TrialStatus> ss) {
        Map<TrialState, Integer> n = new LinkedHashMap<>();
        for (TrialState s : TrialState.values()) n.put(s, 0);
        for (TrialStatus s : ss) n.merge(s.state(), 1, Integer::sum);
        return n;
    }

    /** Cancels (scancel) every array and report job of this folder that is still pending or running; returns the job ids. */
    public List<String> cancel() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (TrialStatus s : status()) if (s.state().active()) ids.add(s.taskId().substring(0, s.taskId().indexOf('_')));
        List<String> reports = jobs().stream().filter(j -> "report".equals(j.kind())).map(Job::id).toList();
        for (Slurm.JobState js : slurm.states(reports).values()) if (TrialState.ofSlurm(js.state()).active()) ids.add(js.id());
        slurm.cancel(ids);
        return List.copyOf(ids);
    }

    /**
     * Progress of a wait: the statuses, how many completed, and the ETA of the rest (null until a
     * trial has completed during the wait).
     */
    public record Progress(List<TrialStatus> statuses, int completed, int total, double elapsedSeconds, Double etaSeconds) {
        public String line() {
            return String.format(Locale.ROOT, "%d of %d done (%s), %s elapsed%s", completed, total, summary(statuses), clock(elapsedSeconds),
                    etaSeconds == null ? "" : ", ETA " + clock(etaSeconds));
        }

        private static String clock(double s) {
            long t = Math.round(s);
            return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60);
        }
    }

    /**
     * Polls until no trial is pending or running (or {@code stop} is cancelled), telling
     * {@code listener} whenever the picture changes; returns the final statuses. The ETA assumes the
     * trials left take as long as those completed during this wait.
     */
    public List<TrialStatus> await(double pollSeconds, Consumer<Progress> listener, CancellationToken stop) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        int doneAtStart = -1;
        String last = null;
        while (true) {
            List<TrialStatus> ss = status();
            int done = counts(ss).get(TrialState.COMPLETED);
            if (doneAtStart < 0) doneAtStart = done;
            double elapsed = (System.nanoTime() - t0) / 1e9;
            int newly = done - doneAtStart;
            int left = (int) ss.stream().filter(s -> s.state().active()).count();
            Double eta = newly > 0 ? elapsed / newly * left : null;
            Progress p = new Progress(ss, done, ss.size(), elapsed, eta);
            String key = summary(ss);
            if (!key.equals(last)) {
                listener.accept(p);
                last = key;
            }
            if (left == 0 || (stop != null && stop.isCancelled())) return ss;
            Thread.sleep(Math.max(100, (long) (pollSeconds * 1000)));
        }
    }
}
