package org.cwmpacs.soap.message;

/** A request the CPE sends to the ACS (an ACS method such as Inform or TransferComplete). */
public interface CpeRequest extends CwmpMessage {
}
