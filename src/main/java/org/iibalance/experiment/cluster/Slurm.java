package org.iibalance.experiment.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Slurm commands the workbench uses, run as processes: {@code sbatch --parsable} to submit,
 * {@code squeue} (and {@code sacct} where the cluster keeps accounting) to ask for job states,
 * {@code scancel} to cancel. Nothing here schedules anything itself.
 */
public final class Slurm {
    private static final long TIMEOUT_SECONDS = 60;

    /**
     * One array task (or job) as the scheduler reports it.
     *
     * @param id     {@code <array job id>_<task index>} (or a plain job id)
     * @param state  Slurm's state name, e.g. {@code PENDING}, {@code RUNNING}, {@code COMPLETED},
     *               {@code FAILED}, {@code CANCELLED}, {@code PREEMPTED}, {@code TIMEOUT}
     * @param reason Slurm's reason (pending reason) or exit code, or null
     */
    public record JobState(String id, String state, String reason) {}

    /** Why Slurm cannot be used from here (no {@code sbatch} on the PATH, no controller answering), or null when it can. */
    public static String unavailableReason() {
        try {
            Result r = run(List.of("squeue", "-h", "-o", "%i"), 20);
            if (r.code() != 0) return "squeue failed (exit " + r.code() + "): " + r.err().strip();
            Result s = run(List.of("sbatch", "--version"), 20);
            if (s.code() != 0) return "sbatch --version failed: " + s.err().strip();
            return null;
        } catch (IOException e) {
            return "the Slurm commands (sbatch, squeue) are not on the PATH (" + e.getMessage() + ")";
        }
    }

    /**
     * {@code sbatch --parsable <options> <script>}; returns the job id.
     *
     * @throws IOException with sbatch's message when it refuses
     */
    public String submit(List<String> options, Path script) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
        cmd.addAll(options);
        cmd.add(script.toString());
        Result r = run(cmd, TIMEOUT_SECONDS);
        if (r.code() != 0) throw new IOException("sbatch refused the job (exit " + r.code() + "): " + r.err().strip());
        String id = r.out().strip();
        int semi = id.indexOf(';'); // "<id>;<cluster>" on multi-cluster set-ups
        if (semi >= 0) id = id.substring(0, semi);
        if (!id.matches("[0-9]+")) throw new IOException("sbatch answered '" + r.out().strip() + "' instead of a job id");
        return id;
    }

    /**
     * The states of every task of these jobs that the scheduler still knows: {@code squeue} (pending,
     * running and, for {@code MinJobAge}, finished tasks), then {@code sacct} for what squeue has
     * forgotten (where accounting is enabled). Keys are task ids ({@code 123_4}).
     */
    public Map<String, JobState> states(Collection<String> jobIds) throws IOException {
        Map<String, JobState> out = new LinkedHashMap<>();
        if (jobIds.isEmpty()) return out;
        String ids = String.join(",", jobIds);
        Result acct;
        try {
            acct = run(List.of("sacct", "-n", "-P", "-X", "-j", ids, "-o", "JobID,State,ExitCode"), TIMEOUT_SECONDS);
        } catch (IOException e) {
            acct = new Result(1, "", e.getMessage()); // no sacct here: squeue alone
        }
        if (acct.code() == 0) { // fails with "accounting storage is disabled" where there is no accounting
            for (String line : acct.out().split("\n")) {
                String[] f = line.strip().split("\\|");
                if (f.length < 2 || f[0].contains("[")) continue; // "123_[4-7]": pending elements, squeue lists them one by one
                String state = f[1].split(" ")[0]; // "CANCELLED by 1000"
                out.put(f[0], new JobState(f[0], state, f.length > 2 ? "exit " + f[2] : null)); // later rows (after a requeue) win
            }
        }
        Result q = run(List.of("squeue", "-h", "-t", "all", "-r", "-j", ids, "-o", "%i|%T|%r"), TIMEOUT_SECONDS);
        if (q.code() != 0 && !q.err().contains("Invalid job id")) throw new IOException("squeue failed (exit " + q.code() + "): " + q.err().strip());
        for (String line : q.out().split("\n")) {
            String[] f = line.strip().split("\\|");
            if (f.length < 2) continue;
            out.put(f[0], new JobState(f[0], f[1], f.length > 2 && !"None".equals(f[2]) ? f[2] : null));
        }
        return out;
    }

    /** {@code scancel <ids>}: Slurm sends SIGTERM (the run marks itself cancelled), then SIGKILL after its KillWait. */
    public void cancel(Collection<String> ids) throws IOException {
        if (ids.isEmpty()) return;
        List<String> cmd = new ArrayList<>(List.of("scancel"));
        cmd.addAll(ids);
        Result r = run(cmd, TIMEOUT_SECONDS);
        if (r.code() != 0) throw new IOException("scancel failed (exit " + r.code() + "): " + r.err().strip());
    }

    private record Result(int code, String out, String err) {}

    private static Result run(List<String> cmd, long timeoutSeconds) throws IOException {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        // small outputs: read both streams after the process ends would risk a full pipe, so read them concurrently
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.complete("");
            }
        }, "slurm-stderr");
        t.setDaemon(true);
        t.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not answer within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), out, err.get(timeoutSeconds, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(cmd.get(0) + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return new Result(p.exitValue(), out, "");
        }
    }
}
