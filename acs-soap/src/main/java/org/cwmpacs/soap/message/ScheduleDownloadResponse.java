package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Acknowledges ScheduleDownload.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "ScheduleDownloadResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ScheduleDownloadResponse", propOrder = {})
public final class ScheduleDownloadResponse implements CpeResponse {
    public ScheduleDownloadResponse() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScheduleDownloadResponse;
    }

    @Override
    public int hashCode() {
        return ScheduleDownloadResponse.class.hashCode();
    }

    @Override
    public String toString() {
        return "ScheduleDownloadResponse[]";
    }
}
