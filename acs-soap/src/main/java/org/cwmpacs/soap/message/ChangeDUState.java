package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Installs, updates or uninstalls deployment units (CWMP 1.2+); results come in DUStateChangeComplete. */
@XmlRootElement(name = "ChangeDUState", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ChangeDUState", propOrder = {"operations", "commandKey"})
public final class ChangeDUState implements AcsRequest {
    @XmlElement(name = "Operations")
    private List<OperationStruct> operations;
    @XmlElement(name = "CommandKey")
    private String commandKey;

    private ChangeDUState() {
        // for JAXB
    }

    public ChangeDUState(List<OperationStruct> operations, String commandKey) {
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("ChangeDUState needs at least one operation");
        }
        this.operations = List.copyOf(operations);
        this.commandKey = Objects.requireNonNull(commandKey, "commandKey");
    }

    public List<OperationStruct> operations() {
        return operations == null ? List.of() : Collections.unmodifiableList(operations);
    }

    public String commandKey() {
        return commandKey == null ? "" : commandKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeDUState && operations().equals(((ChangeDUState) o).operations())
                && commandKey().equals(((ChangeDUState) o).commandKey());
    }

    @Override
    public int hashCode() {
        return Objects.hash(operations(), commandKey());
    }

    @Override
    public String toString() {
        return "ChangeDUState[operations=" + operations() + ", commandKey=" + commandKey() + "]";
    }
}
