package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * The instance number created.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "AddObjectResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AddObjectResponse", propOrder = {"instanceNumber", "status"})
public final class AddObjectResponse implements CpeResponse {
    @XmlElement(name = "InstanceNumber")
    @XmlJavaTypeAdapter(UnsignedIntAdapter.class)
    private Long instanceNumber;
    @XmlElement(name = "Status")
    @XmlJavaTypeAdapter(IntAdapter.class)
    private Integer status;

    private AddObjectResponse() {
        // for JAXB
    }

    public AddObjectResponse(long instanceNumber, int status) {
        this.instanceNumber = instanceNumber;
        this.status = status;
    }

    /** {@code InstanceNumber}. */
    public long instanceNumber() {
        return instanceNumber == null ? 0L : instanceNumber;
    }

    /** {@code Status}. */
    public int status() {
        return status == null ? 0 : status;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AddObjectResponse)) {
            return false;
        }
        AddObjectResponse other = (AddObjectResponse) o;
        return instanceNumber() == other.instanceNumber()
                && status() == other.status();
    }

    @Override
    public int hashCode() {
        return Objects.hash(instanceNumber(), status());
    }

    @Override
    public String toString() {
        return "AddObjectResponse[instanceNumber=" + instanceNumber() + ", status=" + status() + "]";
    }
}
