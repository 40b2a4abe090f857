package org.iibalance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code java -jar iibalance.jar <command>}. With no command the GUI opens. This class
 * must not extend {@code javafx.application.Application} (the JavaFX runtime is on the class path,
 * not the module path).
 */
@Command(name = "iibalance", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "IIBalance Workbench: modality imbalance in audio-visual learning.",
        subcommands = {TrainCommand.class, SweepCommand.class, MatrixCommand.class, ReportCommand.class, EvaluateCommand.class, RobustnessCommand.class, DatasetsCommand.class, BenchCommand.class,
                GuiCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        if (args.length == 0) args = new String[] {"gui"};
        int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (code != 0 || !"gui".equals(args[0])) System.exit(code);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"IIBalance Workbench " + org.iibalance.experiment.Version.get()};
        }
    }
}
