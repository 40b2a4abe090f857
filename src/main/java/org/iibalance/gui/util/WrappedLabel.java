package org.iibalance.gui.util;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** A label whose text wraps to its column and keeps the height it needs (never cut to one line with "..."). */
public final class WrappedLabel {
    private WrappedLabel() {}

    /** A wrapping label holding {@code text}. */
    public static Label of(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
