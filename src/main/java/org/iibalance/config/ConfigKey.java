package org.iibalance.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One settable configuration key, as {@code --set} names it, with what {@link ConfigCatalogue} read
 * from its record component: type, default, range and description.
 *
 * @param key          dotted path, e.g. {@code method.tau}; a segment {@code <name>} stands for any map key
 * @param type         {@code string}, {@code integer}, {@code number} or {@code boolean}
 * @param defaultValue the default as {@code --set} would take it ("" when there is none)
 * @param description  what it means ("" when its component has no {@link ConfigDoc}: a test refuses that)
 * @param min          smallest allowed value (-inf: none)
 * @param max          largest allowed value (+inf: none)
 * @param minExclusive whether min itself is excluded
 * @param maxExclusive whether max itself is excluded
 * @param allowed      the allowed values of a text key (empty: any)
 * @param rangeNote    a range in words that the bounds cannot say
 * @param declaredIn   the record and component that declare the key, e.g. {@code MethodConfig.tau}
 */
public record ConfigKey(String key, String type, String defaultValue, String description, double min, double max, boolean minExclusive,
                        boolean maxExclusive, List<String> allowed, String rangeNote, String declaredIn) {

    /** The allowed values in words: bounds, allowed values and the note, e.g. {@code > 0} or {@code [0, 1)}. */
    public String range() {
        List<String> parts = new ArrayList<>();
        boolean lo = min != Double.NEGATIVE_INFINITY, hi = max != Double.POSITIVE_INFINITY;
        if (lo && hi) {
            parts.add((minExclusive ? "(" : "[") + num(min) + ", " + num(max) + (maxExclusive ? ")" : "]"));
        } else if (lo) {
            parts.add((minExclusive ? "> " : ">= ") + num(min));
        } else if (hi) {
            parts.add((maxExclusive ? "< " : "<= ") + num(max));
        }
        if (!allowed.isEmpty()) parts.add(String.join(" | ", allowed));
        if (!rangeNote.isEmpty()) parts.add(rangeNote);
        if (parts.isEmpty() && "boolean".equals(type)) parts.add("true | false");
        return String.join("; ", parts);
    }

    /** Whether this key (which may hold {@code <name>} segments) names the dotted path {@code path}. */
    public boolean matches(String path) {
        String[] a = key.split("\\."), b = path.split("\\.");
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            if (!(a[i].startsWith("<") && a[i].endsWith(">")) && !a[i].equals(b[i])) return false;
        }
        return true;
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
