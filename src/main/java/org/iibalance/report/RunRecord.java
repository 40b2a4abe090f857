package org.iibalance.report;

import java.util.Map;

/**
 * The numbers of one completed run that the report uses (plain values, from {@code results.json} and
 * {@code config.yaml}).
 *
 * @param dir         the run folder
 * @param dataset     dataset name (results.json {@code dataset})
 * @param method      method name
 * @param seed        seed
 * @param sensitivity a sweep run (name ends with {@code -sens}): used for Fig. 4 only
 * @param accM        test Acc_m
 * @param accA        test Acc_a
 * @param accV        test Acc_v
 * @param accAvg      test Avg
 * @param valAccM     validation Acc_m of the selected epoch
 * @param tau         method.tau of the run (NaN when its config could not be read)
 * @param gamma       method.gamma of the run
 * @param trainSeconds training wall time
 * @param beta        budget prior per modality (empty when the method has none)
 * @param weights     averaged fusion weights per split ("train", "val", "test") and modality
 * @param unimodalProtocol how the run measured Acc_a / Acc_v (results.json {@code test.unimodalProtocol})
 */
public record RunRecord(String dir, String dataset, String method, long seed, boolean sensitivity, double accM, double accA, double accV,
        double accAvg, double valAccM, double tau, double gamma, double trainSeconds, Map<String, Double> beta,
        Map<String, Map<String, Double>> weights, String unimodalProtocol) {}
