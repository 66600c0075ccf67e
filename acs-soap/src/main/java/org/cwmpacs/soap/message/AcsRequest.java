package org.cwmpacs.soap.message;

/** A request the ACS sends to the CPE (a CPE method such as GetParameterValues). */
public interface AcsRequest extends CwmpMessage {
}
