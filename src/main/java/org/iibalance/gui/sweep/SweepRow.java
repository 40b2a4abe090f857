package org.iibalance.gui.sweep;

import java.util.List;

/**
 * One trial of a sweep as the table shows it.
 *
 * @param index     position in the grid
 * @param name      folder name
 * @param values    axis values, in axis order
 * @param seed      seed
 * @param state     pending, running, completed, cancelled, failed...
 * @param valAccM   validation Acc_m of the best epoch (used to pick the best trial)
 * @param testAccM  test Acc_m (reported, never used to choose)
 * @param best      whether this is the best trial by validation Acc_m
 */
public record SweepRow(int index, String name, List<String> values, long seed, String state, double valAccM, double testAccM, boolean best) {
    /** A copy marked (or not) as the best trial. */
    public SweepRow withBest(boolean b) {
        return new SweepRow(index, name, values, seed, state, valAccM, testAccM, b);
    }
}
