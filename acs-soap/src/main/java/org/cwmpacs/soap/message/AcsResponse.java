package org.cwmpacs.soap.message;

/** The ACS's answer to a CpeRequest, or a fault. */
public interface AcsResponse extends CwmpMessage {
}
