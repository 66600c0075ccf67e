package org.cwmpacs.soap.message;

/** The CPE's answer to an AcsRequest, or a fault. */
public interface CpeResponse extends CwmpMessage {
}
