package org.iibalance.gui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.iibalance.experiment.TestConfigs;
import org.iibalance.experiment.cluster.Slurm;
import org.iibalance.experiment.cluster.SlurmExecutor;
import org.iibalance.run.RunSummary;
import org.iibalance.gui.runs.RunsViewModel;
import org.iibalance.gui.util.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sweep view's "on Slurm": the trials go to the scheduler as one array, the table fills from
 * the scheduler and the trial folders; the Runs view then shows those runs with their scheduler
 * state. Skips, saying why, where no Slurm answers ({@code IIBALANCE_REQUIRE_SLURM=1}: fails).
 */
@Tag("slow")
@Tag("slurm")
class SweepOnSlurmTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void sweepOnSlurmFillsTheTableAndTheRunsViewShowsSchedulerStates() throws Exception {
        String why = Slurm.unavailableReason();
        if (why != null) {
            String msg = "no Slurm here: " + why + ". Start a single-node one with `sudo .ci/slurm-up.sh` (.ci/run does)";
            if ("1".equals(System.getenv("IIBALANCE_REQUIRE_SLURM"))) fail(msg);
            Assumptions.abort(msg);
        }
        Path runs = tmp.resolve("runs");
        SweepViewModel vm = new SweepViewModel(new CurrentThreadTaskExecutor(), () -> TestConfigs.tiny(runs, "joint", "training.epochs=2"));
        vm.axis1KeyProperty().set("training.lr");
        vm.axis1ValuesProperty().set("0.001,0.003");
        vm.axis2KeyProperty().set("");
        vm.seedsProperty().set("1");
        vm.onSlurmProperty().set(true);
        vm.memoryProperty().set("1G");
        vm.timeProperty().set("00:10:00");
        vm.optSlurmPollSeconds(1);
        vm.optSlurmClassPath(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));

        vm.start(); // the current-thread executor: returns when every trial has ended

        assertFalse(vm.runningProperty().get(), vm.statusProperty().get());
        assertTrue(SlurmExecutor.isClusterFolder(vm.sweepDir()), "submitted through Slurm: " + vm.statusProperty().get());
        assertEquals(2, vm.rows().size());
        for (SweepRow r : vm.rows()) {
            assertEquals("completed", r.state(), vm.statusProperty().get());
            assertTrue(r.valAccM() >= 0 && r.testAccM() >= 0, "figures from results.json: " + r);
            assertTrue(RunSummary.open(vm.sweepDir().resolve(r.name())).completed(), "completed run folder " + r.name());
        }
        assertNotNull(vm.best(), "the best trial (by validation) is marked");
        assertTrue(vm.statusProperty().get().contains("2 completed"), vm.statusProperty().get());

        // the Runs view lists the sweep's runs with the scheduler's state of each
        RunsViewModel runsVm = new RunsViewModel(new CurrentThreadTaskExecutor(), runs);
        runsVm.refresh();
        assertEquals(2, runsVm.rows().size(), runsVm.statusProperty().get());
        for (RunSummary r : runsVm.rows()) {
            String s = runsVm.schedulerStates().get(r.dir());
            assertNotNull(s, "scheduler state of " + r.dir() + " in " + runsVm.schedulerStates());
            assertTrue(s.matches("completed \\(slurm [0-9]+_[01]\\)"), s);
        }
    }
}
