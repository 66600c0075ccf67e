package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * Lists the parameters below a path; NextLevel limits the answer to direct children.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "GetParameterNames", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetParameterNames", propOrder = {"parameterPath", "nextLevel"})
public final class GetParameterNames implements AcsRequest {
    @XmlElement(name = "ParameterPath")
    private String parameterPath;
    @XmlElement(name = "NextLevel")
    @XmlJavaTypeAdapter(BooleanAdapter.class)
    private Boolean nextLevel;

    private GetParameterNames() {
        // for JAXB
    }

    public GetParameterNames(String parameterPath, boolean nextLevel) {
        this.parameterPath = Objects.requireNonNull(parameterPath, "parameterPath");
        this.nextLevel = nextLevel;
    }

    /** {@code ParameterPath}. */
    public String parameterPath() {
        return parameterPath == null ? "" : parameterPath;
    }

    /** {@code NextLevel}. */
    public boolean nextLevel() {
        return nextLevel != null && nextLevel;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GetParameterNames)) {
            return false;
        }
        GetParameterNames other = (GetParameterNames) o;
        return parameterPath().equals(other.parameterPath())
                && nextLevel() == other.nextLevel();
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameterPath(), nextLevel());
    }

    @Override
    public String toString() {
        return "GetParameterNames[parameterPath=" + parameterPath() + ", nextLevel=" + nextLevel() + "]";
    }
}
