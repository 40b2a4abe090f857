package org.iibalance.cli;

/**
 * The console's verbosity, set by {@code --quiet} / {@code --verbose} before any logger exists. Library
 * code logs through SLF4J (backend: slf4j-simple, configured by {@code simplelogger.properties}: level
 * info, to stderr); the CLI's own progress and results go to stdout and are dropped by {@code --quiet}.
 */
final class Logging {
    enum Level { QUIET, NORMAL, VERBOSE }

    private static volatile Level level = Level.NORMAL;

    private Logging() {}

    static void level(Level l) {
        level = l;
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", switch (l) {
            case QUIET -> "warn";
            case NORMAL -> "info";
            case VERBOSE -> "debug";
        });
    }

    static boolean quiet() {
        return level == Level.QUIET;
    }

    static boolean verbose() {
        return level == Level.VERBOSE;
    }
}
