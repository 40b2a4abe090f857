package org.iibalance.data;

/** A dataset that cannot be loaded: the message names the file or folder and the problem. */
public class DatasetException extends Exception {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
