package org.cwmpacs.core.stun;

/** A datagram that is no STUN message this server takes; the message says why. */
public final class StunException extends Exception {
    public StunException(String message) {
        super(message);
    }
}
