package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * Reports the end of a Download or Upload the ACS asked for.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "TransferComplete", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "TransferComplete", propOrder = {"commandKey", "faultStruct", "startTime", "completeTime"})
public final class TransferComplete implements CpeRequest {
    @XmlElement(name = "CommandKey")
    private String commandKey;
    @XmlElement(name = "FaultStruct")
    private FaultStruct faultStruct;
    @XmlElement(name = "StartTime")
    private String startTime;
    @XmlElement(name = "CompleteTime")
    private String completeTime;

    private TransferComplete() {
        // for JAXB
    }

    public TransferComplete(String commandKey, FaultStruct faultStruct, String startTime, String completeTime) {
        this.commandKey = Objects.requireNonNull(commandKey, "commandKey");
        this.faultStruct = Objects.requireNonNull(faultStruct, "faultStruct");
        this.startTime = Objects.requireNonNull(startTime, "startTime");
        this.completeTime = Objects.requireNonNull(completeTime, "completeTime");
    }

    /** {@code CommandKey}. */
    public String commandKey() {
        return commandKey == null ? "" : commandKey;
    }

    /** {@code FaultStruct}. */
    public FaultStruct faultStruct() {
        return faultStruct == null ? FaultStruct.empty() : faultStruct;
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
        if (!(o instanceof TransferComplete)) {
            return false;
        }
        TransferComplete other = (TransferComplete) o;
        return commandKey().equals(other.commandKey())
                && faultStruct().equals(other.faultStruct())
                && startTime().equals(other.startTime())
                && completeTime().equals(other.completeTime());
    }

    @Override
    public int hashCode() {
        return Objects.hash(commandKey(), faultStruct(), startTime(), completeTime());
    }

    @Override
    public String toString() {
        return "TransferComplete[commandKey=" + commandKey() + ", faultStruct=" + faultStruct() + ", startTime=" + startTime() + ", completeTime=" + completeTime() + "]";
    }
}
