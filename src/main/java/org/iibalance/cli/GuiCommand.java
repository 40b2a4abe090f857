package org.iibalance.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Opens the workbench window. */
@Command(name = "gui", description = "Open the workbench window (the default when no command is given).")
final class GuiCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        Class<?> app = Class.forName("org.iibalance.gui.WorkbenchLauncher");
        app.getMethod("launch", String[].class).invoke(null, (Object) new String[0]);
        return 0;
    }
}
