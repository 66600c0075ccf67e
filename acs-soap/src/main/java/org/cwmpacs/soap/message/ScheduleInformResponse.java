package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Acknowledges ScheduleInform.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "ScheduleInformResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ScheduleInformResponse", propOrder = {})
public final class ScheduleInformResponse implements CpeResponse {
    public ScheduleInformResponse() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScheduleInformResponse;
    }

    @Override
    public int hashCode() {
        return ScheduleInformResponse.class.hashCode();
    }

    @Override
    public String toString() {
        return "ScheduleInformResponse[]";
    }
}
