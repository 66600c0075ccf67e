package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * Creates a new instance of a multi-instance object; ObjectName ends with a dot.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "AddObject", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AddObject", propOrder = {"objectName", "parameterKey"})
public final class AddObject implements AcsRequest {
    @XmlElement(name = "ObjectName")
    private String objectName;
    @XmlElement(name = "ParameterKey")
    private String parameterKey;

    private AddObject() {
        // for JAXB
    }

    public AddObject(String objectName, String parameterKey) {
        this.objectName = Objects.requireNonNull(objectName, "objectName");
        this.parameterKey = Objects.requireNonNull(parameterKey, "parameterKey");
    }

    /** {@code ObjectName}. */
    public String objectName() {
        return objectName == null ? "" : objectName;
    }

    /** {@code ParameterKey}. */
    public String parameterKey() {
        return parameterKey == null ? "" : parameterKey;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AddObject)) {
            return false;
        }
        AddObject other = (AddObject) o;
        return objectName().equals(other.objectName())
                && parameterKey().equals(other.parameterKey());
    }

    @Override
    public int hashCode() {
        return Objects.hash(objectName(), parameterKey());
    }

    @Override
    public String toString() {
        return "AddObject[objectName=" + objectName() + ", parameterKey=" + parameterKey() + "]";
    }
}
