package org.iibalance.method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.config.MethodConfig;
import org.iibalance.model.Batch;
import org.iibalance.nn.Ops;

/**
 * MSLR (Yao and Mihalcea, Findings of ACL 2022): modality-specific learning rates for late fusion, on
 * the joint-training model. Encoder m trains at rate lr * r_m; the fused head at lr.
 *
 * <p>The paper's "keep" strategy takes each r_m from a learning-rate search on the unimodal model;
 * its adaptive strategies change r_m during training from each modality's validation behaviour. We
 * implement the adaptive form without the search (every r_m starts at 1, the run's own lr): at the
 * start of every epoch after the first, each modality's validation accuracy acc_m(t) (slice of the
 * fused classifier, validation split) updates r_m &lt;- r_m acc_m(t) / mean(previous up to
 * {@code mslrHistory} accuracies), clamped to [0.1, 10] ({@link #update}): a modality still improving
 * speeds up, one that stalls slows down. This follows the reading of a third-party reimplementation
 * (notes/peers.md), not code of the authors. r_m scales encoder m's update ({@link GradTools}).
 */
public final class MslrMethod extends JointTrainingMethod {
    private final MethodConfig cfg;
    private BatchSource data;
    private double[] rates;
    private List<List<Double>> history;
    private int lastEpoch = -1;

    public MslrMethod(MethodConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public String name() {
        return "mslr";
    }

    /** r_m per modality during the epoch ({@code ctrl_rate_<m>}). */
    @Override
    public List<String> controlNames(List<String> modalities) {
        return ControlSignals.perModality("rate", modalities);
    }

    @Override
    public void prepare(MethodContext ctx) throws InterruptedException {
        super.prepare(ctx);
        data = ctx.data();
        if (rates == null) {
            rates = new double[net.modalityCount()];
            Arrays.fill(rates, 1.0);
            history = new ArrayList<>();
            for (int m = 0; m < rates.length; m++) history.add(new ArrayList<>());
        }
    }

    /** r &lt;- clamp(r acc / mean(history), 0.1, 10); unchanged with no history or a zero mean. */
    public static double update(double rate, double acc, List<Double> history) {
        if (history.isEmpty()) return rate;
        double mean = 0;
        for (double h : history) mean += h;
        mean /= history.size();
        if (mean <= 0) return rate;
        return Math.max(0.1, Math.min(10, rate * acc / mean));
    }

    @Override
    public StepStats trainStep(Batch b, Optimizer optimizer, int epoch, int totalEpochs) {
        if (epoch != lastEpoch) {
            lastEpoch = epoch;
            if (epoch > 0) adapt();
        }
        FusedPass pass = fusedPass(b, optimizer);
        List<Tensor> z = pass.z();
        Tensor loss = pass.loss();
        loss.backward();
        control.add("rate", modalityNames(), rates);
        GradTools.UpdateScale scale = new GradTools.UpdateScale(net, rates);
        optimizer.step();
        scale.apply();
        return StepStats.of(loss.item_double());
    }

    private void adapt() {
        int mCount = net.modalityCount();
        int[] correct = new int[mCount];
        int[] n = {0};
        net.eval();
        try (NoGradGuard g = new NoGradGuard()) {
            data.validation(b -> {
                List<Tensor> s = ConcatSlices.sliceLogits(net, net.encode(b));
                for (int m = 0; m < mCount; m++) correct[m] += Ops.correct(s.get(m), b.labels());
                n[0] += b.size();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            net.train(true);
        }
        for (int m = 0; m < mCount; m++) {
            double acc = correct[m] / (double) Math.max(1, n[0]);
            List<Double> h = history.get(m);
            rates[m] = update(rates[m], acc, h);
            h.add(acc);
            while (h.size() > cfg.mslrHistory()) h.remove(0);
        }
    }

    /** The current rate multipliers r_m. */
    public double[] rates() {
        return rates.clone();
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new HashMap<>();
        if (rates != null) {
            s.put("rates", rates);
            for (int m = 0; m < history.size(); m++) s.put("history." + m, history.get(m));
        }
        s.put("lastEpoch", lastEpoch);
        return s;
    }

    @Override
    public void restore(Map<String, Object> s) {
        if (s.containsKey("rates")) {
            rates = StateValues.doubles(s.get("rates"));
            history = new ArrayList<>();
            for (int m = 0; m < rates.length; m++) {
                List<Double> h = new ArrayList<>();
                for (double v : StateValues.doubles(s.get("history." + m))) h.add(v);
                history.add(h);
            }
        }
        if (s.containsKey("lastEpoch")) lastEpoch = StateValues.integer(s.get("lastEpoch"));
    }
}
