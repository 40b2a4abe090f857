package org.iibalance.run;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.MDC;

/**
 * Which run a log line belongs to. A run opens a route on its training thread: the route puts its id
 * in the thread's SLF4J MDC (key {@link #MDC_KEY}), and {@link RunLogAppender} sends every line logged
 * with that id to the route, which writes it into the run's {@code run.log}. Several runs in one JVM
 * (a matrix with {@code --parallel}, GUI runs) each have their own id, so each {@code run.log} holds only
 * its own lines. Worker threads a run starts (batch loaders, decoders) carry the id through
 * {@link #propagate(Runnable)}.
 *
 * <p>Lines logged before the run folder exists (while the data loads) wait in memory, with their time,
 * until {@link #attach} names the {@code run.log} (at most {@value #MAX_PENDING} lines; a run that fails
 * before it has a folder drops them with the route).
 */
public final class RunLogRoute implements AutoCloseable {
    /** The MDC key whose value names a run's route. */
    public static final String MDC_KEY = "iibalance.run";
    static final int MAX_PENDING = 10_000;

    private static final Map<String, RunLogRoute> ROUTES = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private final String id;
    private final String previous;
    private final List<String> pending = new ArrayList<>();
    private int dropped;
    private RunLog log;
    private boolean closed;

    private RunLogRoute(String id, String previous) {
        this.id = id;
        this.previous = previous;
    }

    /** Opens a route for a run on the calling thread (its lines wait until {@link #attach}). */
    public static RunLogRoute open() {
        String id = "run-" + IDS.incrementAndGet();
        RunLogRoute r = new RunLogRoute(id, MDC.get(MDC_KEY));
        ROUTES.put(id, r);
        MDC.put(MDC_KEY, id);
        return r;
    }

    /** The route of an MDC value (null when none is open under it). */
    static RunLogRoute of(String id) {
        return id == null ? null : ROUTES.get(id);
    }

    /** The route id: the MDC value of this run's threads. */
    public String id() {
        return id;
    }

    /** From now on lines go into {@code log}; the lines logged so far are written first, with their own times. */
    public synchronized void attach(RunLog log) {
        this.log = log;
        for (String p : pending) log.stampedLine(p);
        if (dropped > 0) log.line("(" + dropped + " earlier log lines were dropped: more than " + MAX_PENDING + " before the run folder existed)");
        pending.clear();
    }

    /** Writes one log line (already formatted, possibly several lines) into the run's log, or keeps it until there is one. */
    public synchronized void line(String text) {
        if (closed) return;
        if (log != null) {
            log.line(text);
        } else if (pending.size() < MAX_PENDING) {
            pending.add(RunLog.stamp(Instant.now().truncatedTo(ChronoUnit.MILLIS), text));
        } else {
            dropped++;
        }
    }

    /** Ends the route: later lines with its id go nowhere; the calling thread's MDC is restored. */
    @Override
    public synchronized void close() {
        closed = true;
        ROUTES.remove(id);
        leave(previous);
    }

    /** A task that runs with the calling thread's run id (for worker threads: a run's lines follow its work). */
    public static Runnable propagate(Runnable task) {
        String id = MDC.get(MDC_KEY);
        if (id == null) return task;
        return () -> {
            String before = enter(id);
            try {
                task.run();
            } finally {
                leave(before);
            }
        };
    }

    /** Sets this thread's run id; returns the one it replaces. */
    private static String enter(String id) {
        String before = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        return before;
    }

    /** Puts back the run id {@link #enter} replaced (none: removed). */
    private static void leave(String before) {
        if (before == null) MDC.remove(MDC_KEY);
        else MDC.put(MDC_KEY, before);
    }
}
