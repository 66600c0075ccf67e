package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * Status 0: upload done; 1: a TransferComplete follows.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "UploadResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "UploadResponse", propOrder = {"status", "startTime", "completeTime"})
public final class UploadResponse implements CpeResponse {
    @XmlElement(name = "Status")
    @XmlJavaTypeAdapter(IntAdapter.class)
    private Integer status;
    @XmlElement(name = "StartTime")
    private String startTime;
    @XmlElement(name = "CompleteTime")
    private String completeTime;

    private UploadResponse() {
        // for JAXB
    }

    public UploadResponse(int status, String startTime, String completeTime) {
        this.status = status;
        this.startTime = Objects.requireNonNull(startTime, "startTime");
        this.completeTime = Objects.requireNonNull(completeTime, "completeTime");
    }

    /** {@code Status}. */
    public int status() {
        return status == null ? 0 : status;
    }

    /** {@code StartTime}. */
    public String startTime() {
        return startTime == null ? "" : startTime;
    }

    /** {@code CompleteTime}. */
    public String completeTime() {
        return completeTime == null ? "" : completeTime;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof UploadResponse)) {
            return false;
        }
        UploadResponse other = (UploadResponse) o;
        return status() == other.status()
                && startTime().equals(other.startTime())
                && completeTime().equals(other.completeTime());
    }

    @Override
    public int hashCode() {
        return Objects.hash(status(), startTime(), completeTime());
    }

    @Override
    public String toString() {
        return "UploadResponse[status=" + status() + ", startTime=" + startTime() + ", completeTime=" + completeTime() + "]";
    }
}
