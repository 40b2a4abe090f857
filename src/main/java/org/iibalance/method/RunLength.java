package org.iibalance.method;

import org.iibalance.config.MethodConfig;

/**
 * Baseline hyper-parameters that depend on how long a run is. The peers tune them for 30-150 epoch
 * runs; ours are 10-20 epochs. A value of -1 (the default of each) scales the peer's setting to
 * {@code training.epochs} T; any value >= 0 (>= 1 for the super-epoch) is used as given.
 * <ul>
 *   <li>OGM-GE's modulation window ends at ceil(T / 2): Peng et al. modulate epochs 0-50 of 100.</li>
 *   <li>G-Blending's super-epoch is max(1, round(T / 3)): BalanceBenchmark re-estimates every 10 of
 *   its 30 epochs.</li>
 *   <li>PMR's prototype entropy regularisation ("early training stage") lasts max(1, round(0.3 T))
 *   epochs: the paper gives no number; 3 of 10 was our earlier default.</li>
 * </ul>
 */
final class RunLength {
    private RunLength() {}

    /** First epoch (0-based) of OGM-GE's modulation. */
    static int modulationStart(MethodConfig c, int totalEpochs) {
        return Math.max(0, c.modulationStart());
    }

    /** OGM-GE's modulation stops at this epoch (exclusive). */
    static int modulationEnd(MethodConfig c, int totalEpochs) {
        return c.modulationEnd() < 0 ? (int) Math.ceil(totalEpochs / 2.0) : c.modulationEnd();
    }

    /** Epochs per G-Blending super-epoch. */
    static int superEpoch(MethodConfig c, int totalEpochs) {
        return c.superEpoch() < 0 ? Math.max(1, (int) Math.round(totalEpochs / 3.0)) : c.superEpoch();
    }

    /** Epochs with PMR's prototype entropy regularisation. */
    static int pmrEntropyEpochs(MethodConfig c, int totalEpochs) {
        return c.pmrEntropyEpochs() < 0 ? Math.max(1, (int) Math.round(0.3 * totalEpochs)) : c.pmrEntropyEpochs();
    }
}
