package org.iibalance.cli;

import org.iibalance.config.ConfigException;
import org.iibalance.experiment.CancellationToken;

/**
 * Ctrl-C (or SIGTERM) for long commands: cancels the token and waits, up to a minute, until the
 * command has left its run folders consistent and marked cancelled and {@link #close closed} this.
 * (Waiting on the command's thread instead would deadlock with its own {@code System.exit}.)
 */
final class CtrlC implements AutoCloseable {
    private final CancellationToken token = new CancellationToken();
    private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    private final Thread hook;

    CtrlC() {
        hook = new Thread(() -> {
            token.cancel();
            try {
                done.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
    }

    CancellationToken token() {
        return token;
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }

    /**
     * Refuses an output folder when it, or a folder above it, is a regular file (exit 2, naming the
     * file as a file: the commands create the folder and its parents, which a file in the path would
     * stop with an unexpected "Not a directory"); returns -1 when it is fine or not given.
     *
     * @param what     how the user named the folder: {@code --out} or {@code output.runsDir}
     * @param receives what the folder receives, for the message: "the run folders", "the report"
     */
    static int outputFolderIsAFile(String what, java.nio.file.Path dir, String receives) {
        String problem = dir == null ? null : org.iibalance.run.RunFolder.runsDirProblem(dir);
        if (problem == null) return -1;
        System.err.println(what + " " + problem + "; " + what + " names the folder that receives " + receives);
        return ExitCodes.REFUSED;
    }

    /** Prints a refused configuration's problems, one per line, and returns exit code 2. */
    static int refused(String what, ConfigException e) {
        System.err.println(what + " refused:");
        for (var p : e.problems()) System.err.println("  " + p);
        return 2;
    }
}
