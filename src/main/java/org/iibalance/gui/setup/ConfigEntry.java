package org.iibalance.gui.setup;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * One row of the hyper-parameter sheet: a dotted configuration key ({@code method.tau}), its value
 * as typed, the value of the loaded file, its description (as {@code iibalance config} prints it), and
 * the problem the CLI would report for it (empty when fine).
 */
public final class ConfigEntry {
    private final String key;
    private final String description;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final ReadOnlyStringWrapper loadedValue = new ReadOnlyStringWrapper(this, "loadedValue", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    ConfigEntry(String key, String value) {
        this.key = key;
        this.description = org.iibalance.config.ConfigCatalogue.describe(key);
        this.value.set(value);
        this.loadedValue.set(value);
    }

    /** The dotted key. */
    public String key() {
        return key;
    }

    /** What the key means and the values it allows (from the configuration catalogue; "" if none). */
    public String description() {
        return description;
    }

    /** The value as typed (editable). */
    public StringProperty valueProperty() {
        return value;
    }

    /** The value in the loaded file (or the default). */
    public ReadOnlyStringProperty loadedValueProperty() {
        return loadedValue.getReadOnlyProperty();
    }

    /** What is wrong with this key, as the CLI says it; empty when nothing. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether the typed value differs from the loaded one. */
    public boolean isModified() {
        return !java.util.Objects.equals(value.get() == null ? "" : value.get(), loadedValue.get());
    }

    void setLoaded(String v) {
        loadedValue.set(v);
    }

    void setProblem(String p) {
        problem.set(p == null ? "" : p);
    }
}
