package org.iibalance.nn;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** Conversions between Java arrays and tensors, and small helpers used across models and methods. */
public final class Tensors {
    static {
        Engine.load();
    }

    private Tensors() {}

    /** A float tensor of the given shape holding a copy of {@code data}, on {@code device}. */
    public static Tensor floats(float[] data, Device device, long... shape) {
        Tensor cpu = Tensor.create(data, shape);
        return device == null || device.is_cpu() ? cpu : cpu.to(device, torch.ScalarType.Float);
    }

    /** A double (float64) tensor on the CPU, for numerical checks. */
    public static Tensor doubles(double[] data, long... shape) {
        return Tensor.create(data, shape);
    }

    /** Copies any tensor into a flat double array. */
    public static double[] toDoubles(Tensor t) {
        Tensor c = t.detach().to(torch.ScalarType.Double).cpu().contiguous();
        long n = c.numel();
        double[] out = new double[(int) n];
        new org.bytedeco.javacpp.DoublePointer(c.data_ptr()).capacity(n).get(out);
        return out;
    }

    /** A float tensor on the CPU. */
    public static Tensor floats(float[] data, long... shape) {
        return Tensor.create(data, shape);
    }

    /** A long (int64) tensor of class labels, on {@code device}. */
    public static Tensor labels(int[] labels, Device device) {
        long[] l = new long[labels.length];
        for (int i = 0; i < l.length; i++) l[i] = labels[i];
        Tensor cpu = Tensor.create(l, l.length);
        return device == null || device.is_cpu() ? cpu : cpu.to(device, torch.ScalarType.Long);
    }

    /** Copies a float tensor (any device, any shape) into a flat Java array. */
    public static float[] toFloats(Tensor t) {
        Tensor c = t.detach().to(torch.ScalarType.Float).cpu().contiguous();
        long n = c.numel();
        float[] out = new float[(int) n];
        new FloatPointer(c.data_ptr()).capacity(n).get(out);
        return out;
    }

    /** Copies an int64 tensor into a Java array. */
    public static long[] toLongs(Tensor t) {
        Tensor c = t.detach().to(torch.ScalarType.Long).cpu().contiguous();
        long n = c.numel();
        long[] out = new long[(int) n];
        new LongPointer(c.data_ptr()).capacity(n).get(out);
        return out;
    }

    /** Copies a [rows, cols] float tensor into a Java matrix. */
    public static float[][] toMatrix(Tensor t) {
        long rows = t.size(0);
        long cols = t.numel() / Math.max(1, rows);
        float[] flat = toFloats(t);
        float[][] m = new float[(int) rows][(int) cols];
        for (int r = 0; r < rows; r++) System.arraycopy(flat, (int) (r * cols), m[r], 0, (int) cols);
        return m;
    }

    /**
     * Takes a tensor out of the enclosing {@link NativeScope} (if any) so that it outlives the
     * current step, e.g. state kept across steps such as prototypes. JavaCPP's {@code detach} drops
     * the scope's reference, which frees a tensor nobody else holds on the spot (its address becomes
     * 0), so the tensor takes a reference of its own first; it is freed by {@code close()} or the GC.
     */
    public static Tensor persistent(Tensor t) {
        org.bytedeco.javacpp.PointerScope s = org.bytedeco.javacpp.PointerScope.getInnerScope();
        if (s != null) { // a pointer belongs to the innermost scope open when it was made
            t.retainReference();
            s.detach(t);
        }
        return t;
    }

    /** Mean over one dimension. */
    public static Tensor mean(Tensor t, long dim) {
        return t.mean(new long[] {dim}, false, new ScalarTypeOptional());
    }

}
