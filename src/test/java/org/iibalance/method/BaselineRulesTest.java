package org.iibalance.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each baseline's core rule on numbers computed by hand (comments show the arithmetic). */
class BaselineRulesTest {
    private static final double EPS = 1e-6;

    @Test
    void ogmGeScalesOnlyTheDominantModality() {
        // rho_a = 30/20 = 1.5 > 1: k_a = 1 - tanh(0.8 * 1.5) = 1 - tanh(1.2) = 1 - 0.8336546; rho_v = 2/3: k_v = 1
        assertArrayEquals(new double[] {1 - 0.8336546070121552, 1.0}, OgmGeMethod.coefficients(new double[] {30, 20}, 0.8), EPS);
        // balanced: rho = 1 is not > 1, nothing is modulated
        assertArrayEquals(new double[] {1, 1}, OgmGeMethod.coefficients(new double[] {10, 10}, 0.8), EPS);
    }

    @Test
    void agmTracksTheRunningRatio() {
        // s = (0.5, 1.5), mean 1: r_a = exp(2 (1 - 0.5)) = e, r_v = exp(2 (1 - 1.5)) = 1/e; targets from (1, 1) are 1
        assertArrayEquals(new double[] {Math.E, 1 / Math.E}, AgmMethod.ratios(new double[] {0.5, 1.5}), EPS);
        // k_a = exp(0.1 (1 - e)) = 0.8421239; k_v = exp(0.1 (1 - 1/e)) = 1.0652527
        assertArrayEquals(new double[] {0.8421239, 1.0652527}, AgmMethod.coefficients(new double[] {0.5, 1.5}, new double[] {1, 1}, 0.1), EPS);
        // scores at their running means: k = 1
        assertArrayEquals(new double[] {1, 1}, AgmMethod.coefficients(new double[] {0.7, 0.9}, new double[] {0.7, 0.9}, 0.1), EPS);
    }

    @Test
    void pmrStimulatesTheSlowModality() {
        // dominant audio (30 > 20): rho_v = 1.5, beta_v = 1.0 * tanh(0.5) = 0.4621172; beta_a = 0
        assertArrayEquals(new double[] {0, 0.46211715726}, PmrMethod.coefficients(new double[] {30, 20}, 1.0), EPS);
        // prototypes: 0.2 * (1, 2) + 0.8 * (3, 4) = (2.6, 3.6)
        assertArrayEquals(new float[] {2.6f, 3.6f}, PmrMethod.blend(new float[] {1, 2}, new double[] {3, 4}, 0.2), 1e-6f);
        assertArrayEquals(new float[] {3f, 4f}, PmrMethod.blend(null, new double[] {3, 4}, 0.2), 1e-6f);
    }

    @Test
    void mmParetoAgreeingGradientsAreSummedAndEnlarged() {
        // cos((1,0), (1,1)) > 0: weights 1/2, new = 2 (0.5 (1,0) + 0.5 (1,1)) = (2, 1) = g_mm + g_u, ratio 1; x 1.5
        assertArrayEquals(new double[] {3, 1.5}, MmParetoMethod.combine(new double[] {1, 0}, new double[] {1, 1}, 1.5), EPS);
    }

    @Test
    void mmParetoConflictingGradientsTakeTheMinNormCombination() {
        // cos((1,0), (-1,1)) < 0. min over a of ||a (1,0) + (1-a) (-1,1)||^2 = (2a-1)^2 + (1-a)^2: a = 0.6
        assertEquals(0.6, MmParetoMethod.minNormWeight(new double[] {1, 0}, new double[] {-1, 1}), EPS);
        // new = 2 (0.2, 0.4) = (0.4, 0.8); ||g_mm + g_u|| = ||(0,1)|| = 1, ||new|| = sqrt(0.8): ratio 1.1180340 > 1
        // g = 1.5 * 1.1180340 * (0.4, 0.8) = (0.6708204, 1.3416408)
        assertArrayEquals(new double[] {0.6708204, 1.3416408}, MmParetoMethod.combine(new double[] {1, 0}, new double[] {-1, 1}, 1.5), EPS);
        // the combination does not oppose the summed gradient (0, 1)
        double[] g = MmParetoMethod.combine(new double[] {1, 0}, new double[] {-1, 1}, 1.0);
        assertEquals(true, g[0] * 0 + g[1] * 1 > 0);
    }

    @Test
    void gBlendingWeightsFollowTheOverfittingToGeneralisationRatio() {
        // G = (1.2 - 0.9, 1.2 - 1.0, 1.2 - 1.0) = (0.3, 0.2, 0.2)
        // O = ((0.9-0.5) - 0.2, (1.0-0.6) - 0.2, (1.0-0.9) - 0.2) = (0.2, 0.2, -0.1); O^2 = (0.04, 0.04, 0.01)
        // G/O^2 = (7.5, 5, 20), sum 32.5: w = (0.2307692, 0.1538462, 0.6153846)
        double[] w = GBlendingMethod.weights(new double[] {1, 1, 1}, new double[] {1.2, 1.2, 1.2}, new double[] {0.5, 0.6, 0.9},
                new double[] {0.9, 1.0, 1.0});
        assertArrayEquals(new double[] {7.5 / 32.5, 5 / 32.5, 20 / 32.5}, w, EPS);
        // an output whose held-out loss got worse gets weight 0; none gained: null (keep the previous weights)
        assertEquals(0, GBlendingMethod.weights(new double[] {1, 1}, new double[] {1, 1}, new double[] {0.5, 0.5}, new double[] {1.1, 0.9})[0], EPS);
        assertNull(GBlendingMethod.weights(new double[] {1}, new double[] {1}, new double[] {0.5}, new double[] {1.1}));
    }

    @Test
    void mslrRateFollowsTheValidationTrend() {
        // 1.0 * 0.6 / mean(0.4, 0.5) = 0.6 / 0.45 = 1.3333333
        assertEquals(0.6 / 0.45, MslrMethod.update(1.0, 0.6, List.of(0.4, 0.5)), EPS);
        // falling accuracy slows the modality: 2.0 * 0.3 / 0.6 = 1.0
        assertEquals(1.0, MslrMethod.update(2.0, 0.3, List.of(0.6)), EPS);
        // clamped to [0.1, 10]; no history: unchanged
        assertEquals(10, MslrMethod.update(1.0, 0.9, List.of(0.05)), EPS);
        assertEquals(1.5, MslrMethod.update(1.5, 0.9, List.of()), EPS);
    }

    @Test
    void greedyRebalancesTheSlowModalityAboveTheThreshold() {
        // log10(1e-2 / 1e-3) = 1 > 0.1: visual (index 1) is slow
        assertEquals(1, GreedyMethod.slowModality(new double[] {1e-2, 1e-3}, 0.1));
        // log10(1.1e-3 / 1e-3) = 0.041 < 0.1: balanced
        assertEquals(-1, GreedyMethod.slowModality(new double[] {1e-3, 1.1e-3}, 0.1));
        assertEquals(0, GreedyMethod.slowModality(new double[] {1e-4, 1.1e-3}, 0.1));
    }

    @Test
    void ggdmModulatesAroundTheGeometricMean() {
        // volumes (4, 1): GM = 2; k = ((2/4)^0.5, (2/1)^0.5) = (0.7071068, 1.4142136), product 1
        double[] k = GgdmMethod.coefficients(new double[] {4, 1}, 0.5);
        assertArrayEquals(new double[] {Math.sqrt(0.5), Math.sqrt(2)}, k, EPS);
        assertEquals(1, k[0] * k[1], EPS);
        // clamped to [0.2, 5]: (GM/v)^1 with v = (100, 1): GM 10, (0.1, 10) -> (0.2, 5)
        assertArrayEquals(new double[] {0.2, 5}, GgdmMethod.coefficients(new double[] {100, 1}, 1), EPS);
    }
}
