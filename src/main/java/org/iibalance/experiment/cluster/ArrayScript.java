package org.iibalance.experiment.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.iibalance.run.RunFiles;

/**
 * The job scripts of a cluster submission: the array script (task i trains trial i into its folder,
 * or resumes it there) and the chained report job. Plain bash with {@code #SBATCH} lines, readable
 * and rerunnable by hand ({@code SLURM_ARRAY_TASK_ID=3 bash slurm/task.sh}).
 */
final class ArrayScript {
    private ArrayScript() {}

    /** The array script over every trial of the matrix (the submission's {@code --array} picks which run). */
    static String task(List<ClusterTrial> trials, SlurmSettings s, TaskLauncher launcher, Path slurmFolder) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("# IIBalance Workbench job array: task i trains trial i of ").append(slurmFolder.getParent()).append('\n');
        b.append("# (the list is in trials.tsv). Written by matrix/sweep --executor slurm; rewritten on every submission.\n");
        for (String o : s.sbatchOptions()) b.append("#SBATCH ").append(o).append('\n');
        // --output and --open-mode=append come on sbatch's command line (a path in an #SBATCH line cannot hold spaces)
        // a preempted or failed node's task goes back to the queue and resumes from its checkpoint
        b.append("#SBATCH --requeue\n");
        b.append("set -u\n");
        b.append("case \"${SLURM_ARRAY_TASK_ID:-}\" in\n");
        for (ClusterTrial t : trials) b.append("  ").append(t.index()).append(") dir=").append(quote(t.dir().toAbsolutePath().normalize().toString())).append(" ;;\n");
        b.append("  *) echo \"iibalance: no trial for array task '${SLURM_ARRAY_TASK_ID:-}'\" >&2; exit 2 ;;\n");
        b.append("esac\n");
        b.append("echo \"iibalance: trial $SLURM_ARRAY_TASK_ID in $dir on $(hostname), job ${SLURM_JOB_ID:-?}, attempt $(( ${SLURM_RESTART_COUNT:-0} + 1 )), $(date -u +%FT%TZ)\"\n");
        b.append("if [ -f \"$dir/").append(RunFiles.stateFileName()).append("\" ] && grep -q '\"state\" *: *\"completed\"' \"$dir/").append(RunFiles.stateFileName()).append("\"; then\n");
        b.append("  echo \"iibalance: this trial already completed\"\n  exit 0\nfi\n");
        String java = String.join(" ", launcher.command().stream().map(ArrayScript::quote).toList());
        b.append("if [ -f \"$dir/").append(RunFiles.configFileName()).append("\" ]; then\n");
        b.append("  # started before (cancelled, preempted, requeued, killed, out of time): continue from its last checkpoint\n");
        b.append("  exec ").append(java).append(" train --resume \"$dir\"\n");
        b.append("fi\n");
        b.append("exec ").append(java).append(" train --config \"$dir/").append(SlurmExecutor.TRIAL_CONFIG).append("\" --run-dir \"$dir\"\n");
        return b.toString();
    }

    /** The report job: {@code report --runs <matrix folder> --out <reportTo>}, on one CPU and no GPU. */
    static String report(Path matrixDir, Path reportTo, SlurmSettings s, TaskLauncher launcher, Path slurmFolder) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("# IIBalance Workbench: Tables I-II and Figs. 3-4 of ").append(matrixDir).append(" once its array has ended\n");
        for (String o : s.sbatchOptions()) {
            if (o.startsWith("--job-name=")) o = o + "-report";
            else if (o.startsWith("--cpus-per-task=")) o = "--cpus-per-task=1";
            else if (o.startsWith("--gpus-per-task=") || o.startsWith("--gres=")) continue;
            b.append("#SBATCH ").append(o).append('\n');
        }
        b.append("exec ").append(String.join(" ", launcher.command().stream().map(ArrayScript::quote).toList())).append(" report --runs ")
                .append(quote(matrixDir.toString())).append(" --out ").append(quote(reportTo.toString())).append('\n');
        return b.toString();
    }

    /** A bash word that stays one word whatever it holds. */
    static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./=:@%+,-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Sorted indices as sbatch's {@code --array} list: {@code 0-3,5,7-9}. */
    static String ranges(List<Integer> indices) {
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int i : new TreeSet<>(indices)) {
            if (prev != null && i == prev + 1) {
                prev = i;
                continue;
            }
            if (start != null) parts.add(start.equals(prev) ? "" + start : start + "-" + prev);
            start = i;
            prev = i;
        }
        if (start != null) parts.add(start.equals(prev) ? "" + start : start + "-" + prev);
        return String.join(",", parts);
    }

    /** The inverse of {@link #ranges}. */
    static Set<Integer> parseRanges(String list) {
        Set<Integer> out = new TreeSet<>();
        for (String p : list.split(",")) {
            if (p.isBlank()) continue;
            int dash = p.indexOf('-');
            if (dash < 0) {
                out.add(Integer.parseInt(p.trim()));
            } else {
                int a = Integer.parseInt(p.substring(0, dash).trim());
                int z = Integer.parseInt(p.substring(dash + 1).trim());
                for (int i = a; i <= z; i++) out.add(i);
            }
        }
        return out;
    }
}
