package org.iibalance.gui;

import javafx.application.Application;

/** Starts the workbench; called by the CLI's {@code gui} command (and with no command). */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {}

    /** Opens the window and returns when it is closed. */
    public static void launch(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
