/**
 * The JavaFX workbench: views and view-models only (MVVM). View-models own state as JavaFX
 * properties and talk to {@code experiment} through its event stream and run-folder files; views
 * only bind. This is the only package that imports {@code javafx}.
 */
package org.iibalance.gui;
