package org.iibalance.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Opens the workbench window; without a display (or GTK 3) says so in one line, with the usage. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the workbench window (the default when no command is given).")
final class GuiCommand implements Callable<Integer> {
    /** What stops a window from opening (tests replace it). */
    static java.util.function.Supplier<String> preflight = GuiPreflight::problem;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String problem = preflight.get();
        if (problem != null) return refuse(problem);
        try {
            Class<?> app = Class.forName("org.iibalance.gui.WorkbenchLauncher");
            app.getMethod("launch", String[].class).invoke(null, (Object) new String[0]);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            while (c.getCause() != null && c.getCause() != c) c = c.getCause();
            String m = String.valueOf(c.getMessage());
            if (m.contains("DISPLAY")) return refuse("no display: " + m + " (over SSH use ssh -X, or the headless commands)");
            if (m.toLowerCase().contains("gtk")) return refuse("JavaFX could not load GTK 3 (" + m + "); install it with: sudo apt-get install libgtk-3-0");
            throw e;
        }
        return ExitCodes.OK;
    }

    private int refuse(String problem) {
        spec.commandLine().getErr().println("gui: " + problem);
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.NO_GUI;
    }
}
