package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * Reports the results of a ChangeDUState.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "DUStateChangeComplete", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "DUStateChangeComplete", propOrder = {"results", "commandKey"})
public final class DUStateChangeComplete implements CpeRequest {
    @XmlElement(name = "Results")
    private List<OpResultStruct> results;
    @XmlElement(name = "CommandKey")
    private String commandKey;

    private DUStateChangeComplete() {
        // for JAXB
    }

    public DUStateChangeComplete(List<OpResultStruct> results, String commandKey) {
        this.results = List.copyOf(results);
        this.commandKey = Objects.requireNonNull(commandKey, "commandKey");
    }

    /** {@code Results}. */
    public List<OpResultStruct> results() {
        return results == null ? List.of() : results.stream().flatMap(r -> r.unwrapped().stream()).toList();
    }

    /** {@code CommandKey}. */
    public String commandKey() {
        return commandKey == null ? "" : commandKey;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DUStateChangeComplete)) {
            return false;
        }
        DUStateChangeComplete other = (DUStateChangeComplete) o;
        return results().equals(other.results())
                && commandKey().equals(other.commandKey());
    }

    @Override
    public int hashCode() {
        return Objects.hash(results(), commandKey());
    }

    @Override
    public String toString() {
        return "DUStateChangeComplete[results=" + results() + ", commandKey=" + commandKey() + "]";
    }
}
