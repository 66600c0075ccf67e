package org.cwmpacs.soap.message;

/** The content of a SOAP Body: one CWMP request, response or fault. */
public interface CwmpMessage {
    /** The RPC element's local name, e.g. {@code Inform} or {@code GetParameterValuesResponse}. */
    default String methodName() {
        return getClass().getSimpleName();
    }
}
