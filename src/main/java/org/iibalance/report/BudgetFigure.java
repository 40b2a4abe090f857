package org.iibalance.report;

import java.util.List;
import java.util.Map;

/**
 * Fig. 3 data of a dataset: per modality the mean IIB prior beta_m and the mean fusion weights per
 * split, over the IIBalance table runs.
 *
 * @param modalities modality names
 * @param prior      mean beta_m
 * @param weights    split ({@code train}, {@code val}, {@code test}) to mean weight per modality
 * @param runs       runs averaged
 */
public record BudgetFigure(List<String> modalities, double[] prior, Map<String, double[]> weights, int runs) {}
