package org.iibalance.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Entry point: {@code java -jar iibalance.jar <command>}. With no command the GUI opens. This class
 * must not extend {@code javafx.application.Application} (the JavaFX runtime is on the class path,
 * not the module path).
 */
@Command(name = "iibalance", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"IIBalance Workbench: modality imbalance in audio-visual learning.",
                "--out always names the folder a command writes into: train, sweep and matrix create run folders inside it "
                        + "(train: <out>/<timestamp>-<name>/; sweep and matrix: one per trial); report writes its tables and figures into it."},
        subcommands = {TrainCommand.class, ConfigCommand.class, SweepCommand.class, MatrixCommand.class, ReportCommand.class, EvaluateCommand.class, RobustnessCommand.class, DatasetsCommand.class,
                BenchCommand.class, GuiCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "print only warnings, errors and results (no progress)")
    void quiet(boolean q) {
        if (q) Logging.level(Logging.Verbosity.QUIET);
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "print debug messages too, and stack traces of unexpected errors")
    void verbose(boolean v) {
        if (v) Logging.level(Logging.Verbosity.VERBOSE);
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            String problem = GuiPreflight.problem();
            if (problem != null) {
                System.err.println("iibalance: the window cannot open: " + problem + "; the commands below run without one.");
                commandLine().usage(System.err);
                System.exit(ExitCodes.NO_GUI);
            }
            args = new String[] {"gui"};
        }
        // JavaCPP's own messages (native library loading) through SLF4J, so they reach run.log too
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        System.setProperty(org.iibalance.run.Provenance.COMMAND_LINE_PROPERTY, "iibalance " + String.join(" ", args)); // recorded in each run's provenance
        int code = commandLine().execute(args);
        if (code != 0 || !"gui".equals(args[0])) System.exit(code);
    }

    /** The command line with every command, its exit codes in the help, and one-line errors instead of stack traces. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        exitCodes(cl);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            err.println(line.getCommandName() + ": unexpected error: " + ex);
            if (Logging.verbose()) ex.printStackTrace(err);
            else err.println("(run with --verbose for the stack trace)");
            err.flush();
            return ExitCodes.FAILED;
        });
        return cl;
    }

    private static void exitCodes(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.of(cl.getCommandName()));
        for (CommandLine sub : cl.getSubcommands().values()) exitCodes(sub);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
