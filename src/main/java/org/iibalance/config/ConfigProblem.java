package org.iibalance.config;

/** One problem in a configuration: the key (dotted path) and what is wrong with it. */
public record ConfigProblem(String key, String message) {
    @Override
    public String toString() {
        return key + ": " + message;
    }
}
