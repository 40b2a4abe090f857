package org.iibalance.config;

/**
 * Where results go.
 *
 * @param runsDir folder that receives {@code <timestamp>-<name>/} run folders
 */
public record OutputConfig(
        @ConfigDoc("folder that receives the <timestamp>-<name>/ run folders (train --out sets it)")
        String runsDir) {
    public static OutputConfig defaults() {
        return new OutputConfig("runs");
    }
}
