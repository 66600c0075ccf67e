package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * A name/value argument of RequestDownload's FileTypeArg.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ArgStruct", propOrder = {"name", "value"})
public final class ArgStruct {
    @XmlElement(name = "Name")
    private String name;
    @XmlElement(name = "Value")
    private String value;

    private ArgStruct() {
        // for JAXB
    }

    public ArgStruct(String name, String value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** {@code Name}. */
    public String name() {
        return name == null ? "" : name;
    }

    /** {@code Value}. */
    public String value() {
        return value == null ? "" : value;
    }

    static ArgStruct empty() {
        return new ArgStruct();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ArgStruct)) {
            return false;
        }
        ArgStruct other = (ArgStruct) o;
        return name().equals(other.name())
                && value().equals(other.value());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), value());
    }

    @Override
    public String toString() {
        return "ArgStruct[name=" + name() + ", value=" + value() + "]";
    }
}
