package org.iibalance.gui.runs;

import java.nio.file.Path;

/**
 * One run folder as the runs table shows it.
 *
 * @param dir      the folder
 * @param name     folder name (sweep trials: {@code sweep-.../trial})
 * @param method   method.name
 * @param dataset  dataset.kind
 * @param seed     seed
 * @param tau      method.tau
 * @param gamma    method.gamma
 * @param lambdaStart method.lambdaStart
 * @param epochs   training.epochs
 * @param accM     test Acc_m (NaN until completed)
 * @param accA     test Acc_a
 * @param accV     test Acc_v
 * @param valAccM  best validation Acc_m
 * @param state    state.json's state
 * @param stamp    a signature of the folder's files, to notice changes
 */
public record RunRow(Path dir, String name, String method, String dataset, long seed, double tau, double gamma, double lambdaStart, int epochs,
        double accM, double accA, double accV, double valAccM, String state, String stamp) {}
