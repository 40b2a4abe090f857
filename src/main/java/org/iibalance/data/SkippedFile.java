package org.iibalance.data;

/** A file that could not be used, and why (a line of the preprocessing report). */
public record SkippedFile(String file, String reason) {
    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
