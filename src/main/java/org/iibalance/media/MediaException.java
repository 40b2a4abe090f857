package org.iibalance.media;

/** A media file that cannot be used; the message is the reason shown in the preprocessing report. */
public class MediaException extends Exception {
    /** A problem described by {@code reason}. */
    public MediaException(String reason) {
        super(reason);
    }

    /** A problem described by {@code reason}, caused by {@code cause}. */
    public MediaException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
