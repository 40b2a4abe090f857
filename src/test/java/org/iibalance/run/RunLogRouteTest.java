package org.iibalance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Lines logged through SLF4J reach the run.log of the run whose thread logged them, and no other (logback.xml's RunLogAppender). */
class RunLogRouteTest {
    private static final Logger LOG = LoggerFactory.getLogger(RunLogRouteTest.class);

    @Test
    void linesBeforeTheLogExistsWaitAndKeepTheirOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.log");
        try (RunLogRoute route = RunLogRoute.open(); RunLog log = new RunLog(file)) {
            LOG.warn("before the folder");
            LOG.debug("a debug line (below the configured level: nowhere)");
            route.attach(log);
            LOG.info("after the folder");
            LOG.error("a failure", new IllegalStateException("the cause"));
        }
        LOG.warn("after the route closed");
        String text = Files.readString(file);
        assertTrue(text.indexOf("[WARN] RunLogRouteTest - before the folder") < text.indexOf("[INFO] RunLogRouteTest - after the folder"), text);
        assertTrue(text.contains("[ERROR] RunLogRouteTest - a failure") && text.contains("java.lang.IllegalStateException: the cause"), text);
        assertFalse(text.contains("debug line") || text.contains("after the route closed"), text);
        assertNull(MDC.get(RunLogRoute.MDC_KEY), "the thread's MDC is restored");
    }

    @Test
    void twoRunsOnTwoThreadsEachGetOnlyTheirOwnLinesAndTheirWorkersLines(@TempDir Path dir) throws Exception {
        CountDownLatch bothOpen = new CountDownLatch(2);
        CountDownLatch bothLogged = new CountDownLatch(2);
        Thread[] runs = new Thread[2];
        Throwable[] failures = new Throwable[2];
        for (int k = 0; k < 2; k++) {
            int run = k;
            runs[k] = new Thread(() -> {
                try (RunLogRoute route = RunLogRoute.open(); RunLog log = new RunLog(dir.resolve("run" + run + ".log"))) {
                    route.attach(log);
                    bothOpen.countDown();
                    bothOpen.await();
                    for (int i = 0; i < 50; i++) LOG.warn("line {} of run {}", i, run);
                    // a worker thread of this run (a batch loader's) carries the run's id; a thread that was not given it does not
                    Thread worker = new Thread(RunLogRoute.propagate(() -> LOG.warn("worker of run {}", run)));
                    Thread stranger = new Thread(() -> LOG.warn("stranger started by run {}", run));
                    worker.start();
                    stranger.start();
                    worker.join();
                    stranger.join();
                    bothLogged.countDown();
                    bothLogged.await();
                } catch (Throwable t) {
                    failures[run] = t;
                }
            });
            runs[k].start();
        }
        for (Thread t : runs) t.join();
        for (Throwable t : failures) if (t != null) throw new AssertionError(t);
        for (int run = 0; run < 2; run++) {
            String text = Files.readString(dir.resolve("run" + run + ".log"));
            int r = run;
            assertEquals(50, text.lines().filter(l -> l.matches(".* line \\d+ of run " + r)).count(), "the 50 lines of run " + run + ":\n" + text);
            assertTrue(text.contains("worker of run " + run), text);
            assertFalse(text.contains("of run " + (1 - run)) || text.contains("stranger"), text);
        }
    }
}
