package org.iibalance.method;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.nn.NativeScope;
import org.iibalance.nn.Ops;
import org.iibalance.nn.Tensors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each equation of the paper against values computed by hand (in the comments). */
class EquationsTest {
    private NativeScope scope;

    @BeforeEach
    void open() {
        scope = new NativeScope();
    }

    @AfterEach
    void close() {
        scope.close();
    }

    private static Tensor t(double[] v, long... shape) {
        return Tensors.doubles(v, shape);
    }

    @Test
    void normalisedEntropyIsShannonEntropyOverLogC() {
        // p = [0.5, 0.5, 0, 0]: H = log 2 / log 4 = 0.5; uniform: 1; one-hot: 0
        double[] h = Tensors.toDoubles(Ops.normalizedEntropy(t(new double[] {0.5, 0.5, 0, 0, 0.25, 0.25, 0.25, 0.25, 1, 0, 0, 0}, 3, 4)));
        assertArrayEquals(new double[] {0.5, 1.0, 0.0}, h, 1e-9);
    }

    @Test
    void budgetScoreIsMeanOfOneMinusEntropy() {
        // Eq. 1: entropies 0.2 and 0.4 -> B = ((1-0.2) + (1-0.4)) / 2 = 0.7
        assertEquals(0.7, InformationBudget.score(new double[] {0.2, 0.4}), 1e-12);
    }

    @Test
    void priorIsSoftmaxOfBudgetsOverTauAndAnchorIsArgmax() {
        // Eq. 2: B = [0.8, 0.5], tau = 0.1 -> softmax([8, 5]) = [e^3/(1+e^3), 1/(1+e^3)]
        double[] beta = InformationBudget.prior(new double[] {0.8, 0.5}, 0.1);
        double e3 = Math.exp(3);
        assertArrayEquals(new double[] {e3 / (1 + e3), 1 / (1 + e3)}, beta, 1e-12);
        assertEquals(0.952574126822433, beta[0], 1e-12);
        assertEquals(0, InformationBudget.anchorOf(beta));
        // the paper's tau = 0.07 sharpens the same gap further
        assertTrue(InformationBudget.prior(new double[] {0.8, 0.5}, 0.07)[0] > beta[0]);
        // a large tau flattens the prior towards uniform
        assertEquals(0.5, InformationBudget.prior(new double[] {0.8, 0.5}, 1e6)[0], 1e-6);
        InformationBudget b = InformationBudget.of(List.of("audio", "visual"), new double[] {0.5, 0.8}, 0.1);
        assertEquals("visual", b.anchorName());
        assertArrayEquals(new double[] {0.5, 0.5}, b.uniform().prior(), 1e-12);
    }

    @Test
    void prototypesFollowTheExponentialMovingAverage() {
        // Eq. 3 with rho = 0.9: class 0 first seen with mean [2, 0] -> P0 = [2, 0] (first observation),
        // then a batch mean [0, 2] -> P0 = 0.9 [2, 0] + 0.1 [0, 2] = [1.8, 0.2]; class 1 never seen stays 0
        AnchorPrototypes p = new AnchorPrototypes(2, 2, 0.9);
        p.update(Tensors.floats(new float[] {1, 0, 3, 0}, 2, 2), new int[] {0, 0});
        assertArrayEquals(new float[] {2, 0, 0, 0}, p.values(), 1e-6f);
        p.update(Tensors.floats(new float[] {0, 2}, 1, 2), new int[] {0});
        assertArrayEquals(new float[] {1.8f, 0.2f, 0, 0}, p.values(), 1e-6f);
        assertTrue(p.seen(0));
        assertFalse(p.seen(1));
    }

    @Test
    void relativeAlignmentLossIsCrossEntropyOverPrototypeSimilarities() {
        // Eq. 4 with z = [1, 0], P = I, y = 0, tau_p = 0.5: logits [2, 0] -> -log(e^2/(e^2+1)) = log(1 + e^-2)
        Tensor z = t(new double[] {1, 0}, 1, 2);
        Tensor protos = t(new double[] {1, 0, 0, 1}, 2, 2);
        Tensor y = Ops.oneHot(new int[] {0}, 2, z.device(), torch.ScalarType.Double);
        assertEquals(Math.log(1 + Math.exp(-2)), RelativeAlignmentLoss.loss(z, protos, y, 0.5, false).item_double(), 1e-12);
        // cosine: z = [2, 0] normalises to [1, 0], same loss
        assertEquals(Math.log(1 + Math.exp(-2)), RelativeAlignmentLoss.loss(t(new double[] {2, 0}, 1, 2), protos, y, 0.5, true).item_double(), 1e-12);
    }

    @Test
    void alignmentStrengthIsTheBudgetGapToTheAnchor() {
        // Eq. 5: beta = [0.7, 0.2, 0.1], anchor 0 -> lambda = [0, 0.5, 0.6]
        assertArrayEquals(new double[] {0, 0.5, 0.6}, RelativeAlignmentLoss.strengths(new double[] {0.7, 0.2, 0.1}, 0), 1e-12);
    }

    @Test
    void stageOneLossAddsUnimodalCrossEntropiesAndWeightedAlignment() {
        // Eq. 6 with two modalities, logits [0, 0] each (CE = log 2 each), and alignment of modality 1
        // with strength 0.5: PRA(z1 = [1, 0], P = I, tau 0.5, y 0) = log(1 + e^-2)
        Tensor y = Ops.oneHot(new int[] {0}, 2, t(new double[] {0}, 1).device(), torch.ScalarType.Double);
        Tensor l0 = t(new double[] {0, 0}, 1, 2), l1 = t(new double[] {0, 0}, 1, 2);
        Tensor z0 = t(new double[] {0, 1}, 1, 2), z1 = t(new double[] {1, 0}, 1, 2);
        Tensor protos = t(new double[] {1, 0, 0, 1}, 2, 2);
        double expected = 2 * Math.log(2) + 0.5 * Math.log(1 + Math.exp(-2));
        assertEquals(expected, StageOneLoss.loss(List.of(l0, l1), List.of(z0, z1), y, protos, new double[] {0, 0.5}, 0.5, false).item_double(), 1e-12);
        // w/o Stage I (no prototypes): the cross-entropies only
        assertEquals(2 * Math.log(2), StageOneLoss.loss(List.of(l0, l1), List.of(z0, z1), y, null, new double[] {0, 0.5}, 0.5, false).item_double(), 1e-12);
    }

    @Test
    void uncertaintyIsNormalisedEntropyOfEachHead() {
        // Eq. 7: logits [0, 0] -> p uniform -> u = 1; logits [ln 3, 0] -> p = [0.75, 0.25] -> u = H/log 2
        Tensor u = UncertaintyGate.uncertainty(List.of(t(new double[] {0, 0}, 1, 2), t(new double[] {Math.log(3), 0}, 1, 2)));
        double h = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2);
        assertArrayEquals(new double[] {1.0, h}, Tensors.toDoubles(u), 1e-12);
    }

    @Test
    void fusionScoresAndWeightsFollowEquationsNineAndTen() {
        // Eq. 9: beta = [0.8, 0.2], u = [0.5, 0.1], G = [0, ln 3] (sigmoid 0.5 and 0.75)
        // alpha = [0.8 e^-0.5 0.5, 0.2 e^-0.1 0.75]; Eq. 10: w = alpha / sum(alpha)
        Tensor alpha = UncertaintyGate.scores(t(new double[] {0.8, 0.2}, 2), t(new double[] {0.5, 0.1}, 1, 2), t(new double[] {0, Math.log(3)}, 1, 2));
        double a0 = 0.8 * Math.exp(-0.5) * 0.5, a1 = 0.2 * Math.exp(-0.1) * 0.75;
        assertArrayEquals(new double[] {a0, a1}, Tensors.toDoubles(alpha), 1e-12);
        Tensor z0 = t(new double[] {1, 0, 0}, 1, 3), z1 = t(new double[] {0, 2, 0}, 1, 3);
        UncertaintyGate.Output out = UncertaintyGate.combine(t(new double[] {0.5, 0.1}, 1, 2), alpha, List.of(z0, z1));
        double w0 = a0 / (a0 + a1), w1 = a1 / (a0 + a1);
        assertArrayEquals(new double[] {w0, w1}, Tensors.toDoubles(out.weights()), 1e-12);
        assertEquals(0.641258, w0, 1e-6); // 0.2426123 / (0.2426123 + 0.1357256)
        // Z_fused = w0 z0 + w1 z1
        assertArrayEquals(new double[] {w0, 2 * w1, 0}, Tensors.toDoubles(out.fused()), 1e-12);
    }

    @Test
    void fusionWeightsSumToOneForAnyScores() {
        java.util.Random r = new java.util.Random(5);
        double[] a = new double[3 * 8];
        for (int i = 0; i < a.length; i++) a[i] = 1e-6 + r.nextDouble() * 10;
        UncertaintyGate.Output out = UncertaintyGate.combine(t(new double[24], 8, 3), t(a, 8, 3),
                List.of(t(new double[16], 8, 2), t(new double[16], 8, 2), t(new double[16], 8, 2)));
        double[] w = Tensors.toDoubles(out.weights());
        for (int i = 0; i < 8; i++) {
            assertEquals(1.0, w[3 * i] + w[3 * i + 1] + w[3 * i + 2], 1e-12);
            for (int m = 0; m < 3; m++) assertTrue(w[3 * i + m] > 0);
        }
    }

    @Test
    void stageTwoLossAddsGammaWeightedUnimodalTerms() {
        // Eq. 11, one sample, C = 2, y = 0: fused logits [ln 3, 0] -> CE = -log 0.75;
        // heads: [0, 0] (CE log 2) and [0, ln 3] (CE -log 0.25), weights [0.6, 0.4], gamma 0.5
        Tensor y = Ops.oneHot(new int[] {0}, 2, t(new double[] {0}, 1).device(), torch.ScalarType.Double);
        double expected = -Math.log(0.75) + 0.5 * (0.6 * Math.log(2) + 0.4 * -Math.log(0.25));
        Tensor loss = StageTwoLoss.loss(t(new double[] {Math.log(3), 0}, 1, 2),
                List.of(t(new double[] {0, 0}, 1, 2), t(new double[] {0, Math.log(3)}, 1, 2)), t(new double[] {0.6, 0.4}, 1, 2), y, 0.5);
        assertEquals(expected, loss.item_double(), 1e-12);
        // gamma = 0 leaves the fused cross-entropy only
        assertEquals(-Math.log(0.75), StageTwoLoss.loss(t(new double[] {Math.log(3), 0}, 1, 2),
                List.of(t(new double[] {0, 0}, 1, 2), t(new double[] {0, Math.log(3)}, 1, 2)), t(new double[] {0.6, 0.4}, 1, 2), y, 0).item_double(), 1e-12);
    }

    @Test
    void lambdaScheduleAnnealsLinearlyToZero() {
        // Eq. 12: lambda_start 0.5, T = 10
        LambdaSchedule s = new LambdaSchedule(0.5, 10);
        assertEquals(0.5, s.at(0), 1e-12);
        assertEquals(0.25, s.at(5), 1e-12);
        assertEquals(0.05, s.at(9), 1e-12);
        assertEquals(0.0, s.at(10), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new LambdaSchedule(1.5, 10));
    }
}
