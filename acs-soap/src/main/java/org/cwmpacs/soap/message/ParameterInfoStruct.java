package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * One GetParameterNames result: a parameter or object path and whether it is writable.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ParameterInfoStruct", propOrder = {"name", "writable"})
public final class ParameterInfoStruct {
    @XmlElement(name = "Name")
    private String name;
    @XmlElement(name = "Writable")
    @XmlJavaTypeAdapter(BooleanAdapter.class)
    private Boolean writable;

    private ParameterInfoStruct() {
        // for JAXB
    }

    public ParameterInfoStruct(String name, boolean writable) {
        this.name = Objects.requireNonNull(name, "name");
        this.writable = writable;
    }

    /** {@code Name}. */
    public String name() {
        return name == null ? "" : name;
    }

    /** {@code Writable}. */
    public boolean writable() {
        return writable != null && writable;
    }

    static ParameterInfoStruct empty() {
        return new ParameterInfoStruct();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ParameterInfoStruct)) {
            return false;
        }
        ParameterInfoStruct other = (ParameterInfoStruct) o;
        return name().equals(other.name())
                && writable() == other.writable();
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), writable());
    }

    @Override
    public String toString() {
        return "ParameterInfoStruct[name=" + name() + ", writable=" + writable() + "]";
    }
}
