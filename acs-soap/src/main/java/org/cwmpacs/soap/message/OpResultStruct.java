package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * The result of one ChangeDUState operation, reported in DUStateChangeComplete.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "OpResultStruct", propOrder = {"uuid", "deploymentUnitRef", "version", "currentState", "resolved", "executionUnitRefList", "startTime", "completeTime", "fault", "wrapped"})
public final class OpResultStruct {
    @XmlElement(name = "UUID")
    private String uuid;
    @XmlElement(name = "DeploymentUnitRef")
    private String deploymentUnitRef;
    @XmlElement(name = "Version")
    private String version;
    @XmlElement(name = "CurrentState")
    private String currentState;
    @XmlElement(name = "Resolved")
    @XmlJavaTypeAdapter(BooleanAdapter.class)
    private Boolean resolved;
    @XmlElement(name = "ExecutionUnitRefList")
    private String executionUnitRefList;
    @XmlElement(name = "StartTime")
    private String startTime;
    @XmlElement(name = "CompleteTime")
    private String completeTime;
    @XmlElement(name = "Fault")
    private FaultStruct fault;
    /**
     * CPEs that send {@code Results} as a SOAP array wrap each result in an {@code OpResultStruct} element
     * (the schema repeats {@code Results} instead); read, never written.
     */
    @XmlElement(name = "OpResultStruct")
    private java.util.List<OpResultStruct> wrapped;

    private OpResultStruct() {
        // for JAXB
    }

    public OpResultStruct(String uuid, String deploymentUnitRef, String version, String currentState, boolean resolved, String executionUnitRefList, String startTime, String completeTime, FaultStruct fault) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.deploymentUnitRef = Objects.requireNonNull(deploymentUnitRef, "deploymentUnitRef");
        this.version = Objects.requireNonNull(version, "version");
        this.currentState = Objects.requireNonNull(currentState, "currentState");
        this.resolved = resolved;
        this.executionUnitRefList = Objects.requireNonNull(executionUnitRefList, "executionUnitRefList");
        this.startTime = Objects.requireNonNull(startTime, "startTime");
        this.completeTime = Objects.requireNonNull(completeTime, "completeTime");
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    /** {@code UUID}. */
    public String uuid() {
        return uuid == null ? "" : uuid;
    }

    /** {@code DeploymentUnitRef}. */
    public String deploymentUnitRef() {
        return deploymentUnitRef == null ? "" : deploymentUnitRef;
    }

    /** {@code Version}. */
    public String version() {
        return version == null ? "" : version;
    }

    /** {@code CurrentState}. */
    public String currentState() {
        return currentState == null ? "" : currentState;
    }

    /** {@code Resolved}. */
    public boolean resolved() {
        return resolved != null && resolved;
    }

    /** {@code ExecutionUnitRefList}. */
    public String executionUnitRefList() {
        return executionUnitRefList == null ? "" : executionUnitRefList;
    }

    /** {@code StartTime}. */
    public String startTime() {
        return startTime == null ? "" : startTime;
    }

    /** {@code CompleteTime}. */
    public String completeTime() {
        return completeTime == null ? "" : completeTime;
    }

    /** {@code Fault}. */
    public FaultStruct fault() {
        return fault == null ? FaultStruct.empty() : fault;
    }

    /** This result, or the results it wraps. */
    java.util.List<OpResultStruct> unwrapped() {
        return wrapped == null || wrapped.isEmpty() ? java.util.List.of(this) : java.util.List.copyOf(wrapped);
    }

    static OpResultStruct empty() {
        return new OpResultStruct();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OpResultStruct)) {
            return false;
        }
        OpResultStruct other = (OpResultStruct) o;
        return uuid().equals(other.uuid())
                && deploymentUnitRef().equals(other.deploymentUnitRef())
                && version().equals(other.version())
                && currentState().equals(other.currentState())
                && resolved() == other.resolved()
                && executionUnitRefList().equals(other.executionUnitRefList())
                && startTime().equals(other.startTime())
                && completeTime().equals(other.completeTime())
                && fault().equals(other.fault());
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid(), deploymentUnitRef(), version(), currentState(), resolved(), executionUnitRefList(), startTime(), completeTime(), fault());
    }

    @Override
    public String toString() {
        return "OpResultStruct[uuid=" + uuid() + ", deploymentUnitRef=" + deploymentUnitRef() + ", version=" + version() + ", currentState=" + currentState() + ", resolved=" + resolved() + ", executionUnitRefList=" + executionUnitRefList() + ", startTime=" + startTime() + ", completeTime=" + completeTime() + ", fault=" + fault() + "]";
    }
}
