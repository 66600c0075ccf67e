package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * The result of an autonomous deployment-unit operation.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AutonOpResultStruct", propOrder = {"uuid", "deploymentUnitRef", "version", "currentState", "resolved", "executionUnitRefList", "startTime", "completeTime", "fault", "operationPerformed", "wrapped"})
public final class AutonOpResultStruct {
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
    @XmlElement(name = "OperationPerformed")
    private String operationPerformed;
    /** As {@link OpResultStruct}'s: the SOAP-array form some CPEs send; read, never written. */
    @XmlElement(name = "AutonOpResultStruct")
    private java.util.List<AutonOpResultStruct> wrapped;

    private AutonOpResultStruct() {
        // for JAXB
    }

    public AutonOpResultStruct(String uuid, String deploymentUnitRef, String version, String currentState, boolean resolved, String executionUnitRefList, String startTime, String completeTime, FaultStruct fault, String operationPerformed) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.deploymentUnitRef = Objects.requireNonNull(deploymentUnitRef, "deploymentUnitRef");
        this.version = Objects.requireNonNull(version, "version");
        this.currentState = Objects.requireNonNull(currentState, "currentState");
        this.resolved = resolved;
        this.executionUnitRefList = Objects.requireNonNull(executionUnitRefList, "executionUnitRefList");
        this.startTime = Objects.requireNonNull(startTime, "startTime");
        this.completeTime = Objects.requireNonNull(completeTime, "completeTime");
        this.fault = Objects.requireNonNull(fault, "fault");
        this.operationPerformed = Objects.requireNonNull(operationPerformed, "operationPerformed");
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

    /** {@code OperationPerformed}. */
    public String operationPerformed() {
        return operationPerformed == null ? "" : operationPerformed;
    }

    /** This result, or the results it wraps. */
    java.util.List<AutonOpResultStruct> unwrapped() {
        return wrapped == null || wrapped.isEmpty() ? java.util.List.of(this) : java.util.List.copyOf(wrapped);
    }

    static AutonOpResultStruct empty() {
        return new AutonOpResultStruct();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AutonOpResultStruct)) {
            return false;
        }
        AutonOpResultStruct other = (AutonOpResultStruct) o;
        return uuid().equals(other.uuid())
                && deploymentUnitRef().equals(other.deploymentUnitRef())
                && version().equals(other.version())
                && currentState().equals(other.currentState())
                && resolved() == other.resolved()
                && executionUnitRefList().equals(other.executionUnitRefList())
                && startTime().equals(other.startTime())
                && completeTime().equals(other.completeTime())
                && fault().equals(other.fault())
                && operationPerformed().equals(other.operationPerformed());
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid(), deploymentUnitRef(), version(), currentState(), resolved(), executionUnitRefList(), startTime(), completeTime(), fault(), operationPerformed());
    }

    @Override
    public String toString() {
        return "AutonOpResultStruct[uuid=" + uuid() + ", deploymentUnitRef=" + deploymentUnitRef() + ", version=" + version() + ", currentState=" + currentState() + ", resolved=" + resolved() + ", executionUnitRefList=" + executionUnitRefList() + ", startTime=" + startTime() + ", completeTime=" + completeTime() + ", fault=" + fault() + ", operationPerformed=" + operationPerformed() + "]";
    }
}
