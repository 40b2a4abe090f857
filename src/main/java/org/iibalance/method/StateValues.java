package org.iibalance.method;

import java.util.List;

/** Converts checkpointed method state (as read back from JSON: lists of numbers) to arrays. */
public final class StateValues {
    private StateValues() {}

    public static double[] doubles(Object o) {
        if (o instanceof double[] d) return d;
        List<?> l = (List<?>) o;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) l.get(i)).doubleValue();
        return out;
    }

    public static float[] floats(Object o) {
        if (o instanceof float[] f) return f;
        List<?> l = (List<?>) o;
        float[] out = new float[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) l.get(i)).floatValue();
        return out;
    }

    public static boolean[] booleans(Object o) {
        if (o instanceof boolean[] b) return b;
        List<?> l = (List<?>) o;
        boolean[] out = new boolean[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = (Boolean) l.get(i);
        return out;
    }

    public static int integer(Object o) {
        return ((Number) o).intValue();
    }

    @SuppressWarnings("unchecked")
    public static List<String> strings(Object o) {
        return (List<String>) o;
    }
}
