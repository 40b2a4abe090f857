package org.iibalance.experiment.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iibalance.experiment.MatrixRunner;
import org.iibalance.experiment.MatrixSpec;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.run.RunFiles;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;
import org.iibalance.report.MatrixReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Matrices through a real Slurm (the single-node one of {@code .ci/slurm-up.sh}): the array runs
 * every trial to the same figures as the local executor, a cancelled array and a killed task
 * resume from their checkpoints when the same matrix is submitted again. Skips, saying why, where
 * no Slurm answers; fails instead when {@code IIBALANCE_REQUIRE_SLURM=1} ({@code .ci/run} sets it
 * after starting Slurm).
 */
@Tag("slow")
@Tag("slurm")
class SlurmExecutorTest {
    @TempDir
    Path tmp;

    private final List<SlurmExecutor> used = new ArrayList<>();

    @BeforeAll
    static void slurmRuns() {
        String why = Slurm.unavailableReason();
        if (why == null) return;
        String msg = "no Slurm here: " + why + ". Start a single-node one with `sudo .ci/slurm-up.sh` (.ci/run does)";
        if ("1".equals(System.getenv("IIBALANCE_REQUIRE_SLURM"))) fail(msg);
        Assumptions.abort(msg);
    }

    @AfterEach
    void cancelWhatIsLeft() throws IOException {
        for (SlurmExecutor e : used) if (SlurmExecutor.isClusterFolder(e.folder().getParent())) e.cancel(); // a failed test must not leave tasks on the shared machine
    }

    /**
     * Each Slurm task asks for one CPU (threads = 1); the local executor runs as many trials at once
     * as there are cores, which gives each threads = 1 too: both build the same configuration.
     */
    private static final int THREADS = 1;
    private static final int LOCAL_PARALLEL = Runtime.getRuntime().availableProcessors();

    private SlurmSettings settings() {
        return new SlurmSettings(null, null, THREADS, "1G", "00:10:00", null, null, null, "iibalance-test", null, null, null,
                System.getProperty("user.home") + "/.javacpp/cache", null);
    }

    /** The tasks run this build's classes (there is no jar before mvn package). */
    private static TaskLauncher launcher(SlurmSettings s) {
        return TaskLauncher.ofClassPath(s, System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    }

    /** A matrix of tiny synthetic-av runs (2 steps an epoch; a few seconds each, most of it JVM and libtorch start-up). */
    private MatrixSpec spec(String methods, String seeds, int epochs) throws Exception {
        Files.writeString(tmp.resolve("tiny.yaml"), """
                name: tiny
                seed: 7
                dataset:
                  kind: synthetic-av
                  synthetic: {trainClips: 96, valClips: 48, testClips: 48}
                model: {channels: 4, featureDim: 16, poolDim: 4, gateHidden: 8}
                training: {epochs: %d, batchSize: 48}
                method: {budgetMaxEpochs: 2, budgetMinEpochs: 1}
                """.formatted(epochs));
        Path spec = tmp.resolve("matrix.yaml");
        Files.writeString(spec, """
                seeds: [%s]
                methods: [%s]
                datasets:
                  - name: tiny
                    config: tiny.yaml
                """.formatted(seeds, methods));
        return MatrixSpec.load(spec);
    }

    private SlurmExecutor executor(Path out) {
        SlurmExecutor e = new SlurmExecutor(out);
        used.add(e);
        return e;
    }

    private static List<SlurmExecutor.TrialStatus> await(SlurmExecutor e) throws Exception {
        return e.await(1, p -> System.out.println("slurm: " + p.line()), null);
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void matrixThroughSlurmCompletesWithTheLocalFiguresAndItsReport() throws Exception {
        MatrixSpec m = spec("joint, iibalance", "1, 2", 3);
        Path local = tmp.resolve("local");
        Path cluster = tmp.resolve("cluster");
        Path report = tmp.resolve("report");

        SlurmExecutor ex = executor(cluster);
        SlurmSettings s = settings();
        SlurmExecutor.Submission sub = ex.submit(ClusterTrial.ofMatrix(m, cluster), s, launcher(s), report);
        assertEquals(4, sub.submitted().size());
        assertNotNull(sub.arrayJobId());
        assertNotNull(sub.reportJobId());
        // the local executor meanwhile (threads = cores / parallel = 1, as the Slurm tasks have)
        List<RunOutcome> lo = new MatrixRunner(m, local, LOCAL_PARALLEL).run();
        assertTrue(lo.stream().allMatch(o -> o.state() == RunState.COMPLETED), "local runs: " + lo);

        List<SlurmExecutor.TrialStatus> end = await(ex);
        assertEquals(List.of(TrialState.COMPLETED), end.stream().map(SlurmExecutor.TrialStatus::state).distinct().toList(), explain(cluster, end));
        // every task ran through the scheduler (its history says so)
        // (a task's run folder says completed a moment before Slurm sees its process end: wait for the scheduler, at most 60 s)
        Map<String, Slurm.JobState> sched = new Slurm().states(List.of(sub.arrayJobId()));
        for (long t0 = System.nanoTime(); System.nanoTime() - t0 < 60e9; ) {
            boolean active = false;
            for (int i = 0; i < 4; i++) active |= TrialState.ofSlurm(sched.get(sub.arrayJobId() + "_" + i).state()).active();
            if (!active) break;
            Thread.sleep(500);
            sched = new Slurm().states(List.of(sub.arrayJobId()));
        }
        for (int i = 0; i < 4; i++) assertEquals("COMPLETED", sched.get(sub.arrayJobId() + "_" + i).state(), sched.toString());

        // the same trial folders, the same numbers (all but the wall time)
        for (ClusterTrial t : ClusterTrial.ofMatrix(m, cluster)) {
            Path twin = local.resolve(cluster.relativize(t.dir()));
            Map<String, Object> a = figures(t.dir());
            Map<String, Object> b = figures(twin);
            assertEquals(b, a, t.label());
            assertTrue(a.get("test") instanceof Map<?, ?> test && test.get("accMultimodal") instanceof Number, "results hold Acc_m: " + a.get("test"));
        }

        // the chained report job (afterany) wrote Table I from the cluster folder: the same as the local folder's
        String reportState = waitForJob(sub.reportJobId());
        assertEquals("COMPLETED", reportState, "report job; its log: " + read(cluster.resolve("slurm/logs/report-" + sub.reportJobId() + ".out")));
        Path localReport = tmp.resolve("local-report");
        MatrixReport.read(List.of(local)).write(localReport);
        assertEquals(Files.readString(localReport.resolve("table1.csv")), Files.readString(report.resolve("table1.csv")));

        // the same command again submits nothing: every trial completed
        SlurmExecutor.Submission again = ex.submit(ClusterTrial.ofMatrix(m, cluster), s, launcher(s), null);
        assertEquals(4, again.completed().size());
        assertEquals(0, again.submitted().size());
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void cancelledArrayResumesFromItsCheckpointsWhenSubmittedAgain() throws Exception {
        MatrixSpec m = spec("joint", "1, 2", 30);
        Path out = tmp.resolve("cancel");
        SlurmExecutor ex = executor(out);
        SlurmSettings s = settings();
        List<ClusterTrial> trials = ClusterTrial.ofMatrix(m, out);
        ex.submit(trials, s, launcher(s), null);

        ClusterTrial running = waitForEpochs(ex, 2);
        List<String> cancelled = ex.cancel();
        assertEquals(1, cancelled.size(), "the array job is cancelled");
        List<SlurmExecutor.TrialStatus> after = await(ex);
        SlurmExecutor.TrialStatus st = after.stream().filter(x -> x.trial().index() == running.index()).findFirst().orElseThrow();
        assertEquals(TrialState.CANCELLED, st.state(), st.detail());
        // SIGTERM from scancel: the run stopped at a batch and marked its folder cancelled, checkpoint kept
        assertEquals(RunState.CANCELLED, RunSummary.stateOf(running.dir()).state(), read(running.dir().resolve(RunFiles.stateFileName())));
        int stoppedAt = st.epochs();
        assertTrue(stoppedAt >= 2 && stoppedAt < 30, "stopped after " + stoppedAt + " epochs");
        assertTrue(Files.isDirectory(running.dir().resolve("checkpoints/last")));

        // the same matrix again: the cancelled trials go into a new array and continue from their checkpoints
        SlurmExecutor.Submission again = ex.submit(trials, s, launcher(s), null);
        assertTrue(again.submitted().stream().anyMatch(t -> t.index() == running.index()));
        List<SlurmExecutor.TrialStatus> end = await(ex);
        assertTrue(end.stream().allMatch(x -> x.state() == TrialState.COMPLETED), explain(out, end));
        assertEquals(30, end.get(running.index()).epochs());
        assertTrue(logs(out, running).contains("resuming after epoch " + stoppedAt + " of 30"), logs(out, running));
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void killedTaskResumesOnResubmissionToTheUninterruptedResult() throws Exception {
        MatrixSpec m = spec("joint", "3", 30);
        Path out = tmp.resolve("kill");
        SlurmExecutor ex = executor(out);
        SlurmSettings s = settings();
        List<ClusterTrial> trials = ClusterTrial.ofMatrix(m, out);
        SlurmExecutor.Submission first = ex.submit(trials, s, launcher(s), null);

        ClusterTrial t = waitForEpochs(ex, 2);
        // SIGKILL the task's java on the node (as the OOM killer or a dying node would): no chance to write its state
        killTask(first.arrayJobId() + "_" + t.index());
        List<SlurmExecutor.TrialStatus> after = await(ex);
        assertEquals(TrialState.FAILED, after.get(0).state(), after.get(0).detail());
        assertEquals(RunState.RUNNING, RunSummary.stateOf(t.dir()).state(), "a killed run could not mark its folder");
        int killedAt = after.get(0).epochs();
        assertTrue(killedAt >= 2 && killedAt < 30, "killed after " + killedAt + " epochs");

        SlurmExecutor.Submission again = ex.submit(trials, s, launcher(s), null);
        assertEquals(1, again.submitted().size());
        // the uninterrupted run, locally, while the resumed one runs
        Path local = tmp.resolve("local");
        List<RunOutcome> lo = new MatrixRunner(m, local, LOCAL_PARALLEL).run();
        assertEquals(RunState.COMPLETED, lo.get(0).state(), "local run: " + lo);
        List<SlurmExecutor.TrialStatus> end = await(ex);
        assertEquals(TrialState.COMPLETED, end.get(0).state(), explain(out, end));
        // it resumes from its newest checkpoint: the epoch state.json last recorded, or one later when the
        // kill landed between writing that epoch's checkpoint and its state.json (seen under load)
        String log = logs(out, t);
        assertTrue(log.contains("resuming after epoch " + killedAt + " of 30") || log.contains("resuming after epoch " + (killedAt + 1) + " of 30"),
                "killed after " + killedAt + " epochs (state.json); " + log);
        assertEquals(figures(local.resolve(out.relativize(t.dir()))), figures(t.dir()));
    }

    /** Waits until some trial has completed {@code epochs} epochs (and is still running); returns it. */
    private static ClusterTrial waitForEpochs(SlurmExecutor ex, int epochs) throws Exception {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 180e9) {
            for (SlurmExecutor.TrialStatus s : ex.status()) {
                if (s.state() == TrialState.RUNNING && s.epochs() >= epochs) return s.trial();
            }
            Thread.sleep(200);
        }
        fail("no trial reached " + epochs + " epochs in 3 min: " + SlurmExecutor.summary(ex.status()));
        return null;
    }

    /** Kills the processes of one array task with SIGKILL (scontrol listpids names them). */
    private static void killTask(String taskId) throws Exception {
        String jobId = null;
        for (String line : run("squeue", "-h", "-r", "-j", taskId.substring(0, taskId.indexOf('_')), "-o", "%i %A").split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 2 && f[0].equals(taskId)) jobId = f[1];
        }
        assertNotNull(jobId, "squeue knows " + taskId);
        List<String> pids = new ArrayList<>();
        for (String line : run("scontrol", "listpids", jobId).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 1 && f[0].matches("[0-9]+")) pids.add(f[0]);
        }
        assertFalse(pids.isEmpty(), "scontrol listpids " + jobId);
        List<String> kill = new ArrayList<>(List.of("kill", "-KILL"));
        kill.addAll(pids);
        run(kill.toArray(String[]::new));
    }

    private static String waitForJob(String jobId) throws Exception {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 180e9) {
            Slurm.JobState js = new Slurm().states(List.of(jobId)).get(jobId);
            if (js != null && !TrialState.ofSlurm(js.state()).active()) return js.state();
            Thread.sleep(500);
        }
        return "still not ended after 3 min";
    }

    /** Every figure of results.json but the wall time and the provenance of the session. */
    private static Map<String, Object> figures(Path runDir) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new TreeMap<>(new com.fasterxml.jackson.databind.ObjectMapper().readValue(runDir.resolve("results.json").toFile(), Map.class));
        m.remove("trainSeconds");
        m.remove("provenance"); // where and when it ran (command line, host, times) differs by executor; the data fingerprint stays compared
        return m;
    }

    private static String logs(Path out, ClusterTrial t) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("slurm/logs"))) {
            return s.filter(p -> p.getFileName().toString().endsWith("_" + t.index() + ".out")).sorted().map(SlurmExecutorTest::read).collect(Collectors.joining("\n"));
        }
    }

    /** The summary, and for each trial that did not complete its detail and the end of its task logs. */
    private static String explain(Path out, List<SlurmExecutor.TrialStatus> ss) throws IOException {
        StringBuilder b = new StringBuilder(SlurmExecutor.summary(ss));
        for (SlurmExecutor.TrialStatus s : ss) {
            if (s.state() == TrialState.COMPLETED) continue;
            List<String> log = logs(out, s.trial()).lines().toList();
            b.append("\n").append(s.trial().label()).append(": ").append(s.state().label()).append(", ").append(s.detail()).append("\n  ")
                    .append(String.join("\n  ", log.subList(Math.max(0, log.size() - 15), log.size())));
        }
        return b.toString();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(" + p + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }
}
