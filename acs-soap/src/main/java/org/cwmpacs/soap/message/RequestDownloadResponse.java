package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Answers RequestDownload.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "RequestDownloadResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "RequestDownloadResponse", propOrder = {})
public final class RequestDownloadResponse implements AcsResponse {
    public RequestDownloadResponse() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestDownloadResponse;
    }

    @Override
    public int hashCode() {
        return RequestDownloadResponse.class.hashCode();
    }

    @Override
    public String toString() {
        return "RequestDownloadResponse[]";
    }
}
