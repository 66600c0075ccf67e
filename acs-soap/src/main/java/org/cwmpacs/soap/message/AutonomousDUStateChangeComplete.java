package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * Reports deployment-unit changes the ACS did not ask for.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "AutonomousDUStateChangeComplete", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AutonomousDUStateChangeComplete", propOrder = {"results"})
public final class AutonomousDUStateChangeComplete implements CpeRequest {
    @XmlElement(name = "Results")
    private List<AutonOpResultStruct> results;

    private AutonomousDUStateChangeComplete() {
        // for JAXB
    }

    public AutonomousDUStateChangeComplete(List<AutonOpResultStruct> results) {
        this.results = List.copyOf(results);
    }

    /** {@code Results}. */
    public List<AutonOpResultStruct> results() {
        return results == null ? List.of() : results.stream().flatMap(r -> r.unwrapped().stream()).toList();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AutonomousDUStateChangeComplete)) {
            return false;
        }
        AutonomousDUStateChangeComplete other = (AutonomousDUStateChangeComplete) o;
        return results().equals(other.results());
    }

    @Override
    public int hashCode() {
        return Objects.hash(results());
    }

    @Override
    public String toString() {
        return "AutonomousDUStateChangeComplete[results=" + results() + "]";
    }
}
