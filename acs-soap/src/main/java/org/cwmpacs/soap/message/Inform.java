package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.List;
import java.util.Objects;

/**
 * Opens every session: who the CPE is, why it calls, and its forced parameters.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "Inform", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Inform", propOrder = {"deviceId", "event", "maxEnvelopes", "currentTime", "retryCount", "parameterList"})
public final class Inform implements CpeRequest {
    @XmlElement(name = "DeviceId")
    private DeviceIdStruct deviceId;
    @XmlElement(name = "Event")
    private EventArray event;
    @XmlElement(name = "MaxEnvelopes")
    @XmlJavaTypeAdapter(UnsignedIntAdapter.class)
    private Long maxEnvelopes;
    @XmlElement(name = "CurrentTime")
    private String currentTime;
    @XmlElement(name = "RetryCount")
    @XmlJavaTypeAdapter(UnsignedIntAdapter.class)
    private Long retryCount;
    @XmlElement(name = "ParameterList")
    private ParameterValueArray parameterList;

    private Inform() {
        // for JAXB
    }

    public Inform(DeviceIdStruct deviceId, List<EventStruct> event, long maxEnvelopes, String currentTime, long retryCount, List<ParameterValueStruct> parameterList) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.event = new EventArray(event);
        this.maxEnvelopes = maxEnvelopes;
        this.currentTime = Objects.requireNonNull(currentTime, "currentTime");
        this.retryCount = retryCount;
        this.parameterList = new ParameterValueArray(parameterList);
    }

    /** {@code DeviceId}. */
    public DeviceIdStruct deviceId() {
        return deviceId == null ? DeviceIdStruct.empty() : deviceId;
    }

    /** {@code Event}. */
    public List<EventStruct> event() {
        return event == null ? List.of() : event.items();
    }

    /** {@code MaxEnvelopes}. */
    public long maxEnvelopes() {
        return maxEnvelopes == null ? 0L : maxEnvelopes;
    }

    /** {@code CurrentTime}. */
    public String currentTime() {
        return currentTime == null ? "" : currentTime;
    }

    /** {@code RetryCount}. */
    public long retryCount() {
        return retryCount == null ? 0L : retryCount;
    }

    /** {@code ParameterList}. */
    public List<ParameterValueStruct> parameterList() {
        return parameterList == null ? List.of() : parameterList.items();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Inform)) {
            return false;
        }
        Inform other = (Inform) o;
        return deviceId().equals(other.deviceId())
                && event().equals(other.event())
                && maxEnvelopes() == other.maxEnvelopes()
                && currentTime().equals(other.currentTime())
                && retryCount() == other.retryCount()
                && parameterList().equals(other.parameterList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId(), event(), maxEnvelopes(), currentTime(), retryCount(), parameterList());
    }

    @Override
    public String toString() {
        return "Inform[deviceId=" + deviceId() + ", event=" + event() + ", maxEnvelopes=" + maxEnvelopes() + ", currentTime=" + currentTime() + ", retryCount=" + retryCount() + ", parameterList=" + parameterList() + "]";
    }
}
