package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * Acknowledges DeleteObject.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "DeleteObjectResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "DeleteObjectResponse", propOrder = {"status"})
public final class DeleteObjectResponse implements CpeResponse {
    @XmlElement(name = "Status")
    @XmlJavaTypeAdapter(IntAdapter.class)
    private Integer status;

    private DeleteObjectResponse() {
        // for JAXB
    }

    public DeleteObjectResponse(int status) {
        this.status = status;
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
        if (!(o instanceof DeleteObjectResponse)) {
            return false;
        }
        DeleteObjectResponse other = (DeleteObjectResponse) o;
        return status() == other.status();
    }

    @Override
    public int hashCode() {
        return Objects.hash(status());
    }

    @Override
    public String toString() {
        return "DeleteObjectResponse[status=" + status() + "]";
    }
}
