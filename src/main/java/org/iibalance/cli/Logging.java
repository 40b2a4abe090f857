package org.iibalance.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.LoggerFactory;

/**
 * The console's verbosity, set by {@code --quiet} / {@code --verbose}. Library code logs through SLF4J
 * (backend: logback-classic, configured by {@code logback.xml}: level info, to stderr, and each run's
 * lines into its {@code run.log}); the CLI's own progress and results go to stdout and are dropped by
 * {@code --quiet}. Quiet filters the console appender only (warnings and errors), so a run's
 * {@code run.log} still gets its info lines; verbose lowers the level to debug for both.
 */
final class Logging {
    enum Verbosity { QUIET, NORMAL, VERBOSE }

    /** The console appender's name in logback.xml. */
    static final String CONSOLE = "CONSOLE";

    private static volatile Verbosity level = Verbosity.NORMAL;

    private Logging() {}

    static void level(Verbosity l) {
        level = l;
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) return; // another backend (-D...): its own configuration
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(l == Verbosity.VERBOSE ? Level.DEBUG : Level.INFO);
        Appender<ILoggingEvent> console = root.getAppender(CONSOLE);
        if (console == null) return;
        console.clearAllFilters();
        if (l == Verbosity.QUIET) {
            ThresholdFilter warn = new ThresholdFilter();
            warn.setLevel(Level.WARN.levelStr);
            warn.setContext(ctx);
            warn.start();
            console.addFilter(warn);
        }
    }

    static boolean quiet() {
        return level == Verbosity.QUIET;
    }

    static boolean verbose() {
        return level == Verbosity.VERBOSE;
    }
}
