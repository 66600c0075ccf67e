package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.List;
import java.util.Objects;

/**
 * One GetParameterAttributes result.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ParameterAttributeStruct", propOrder = {"name", "notification", "accessList"})
public final class ParameterAttributeStruct {
    @XmlElement(name = "Name")
    private String name;
    @XmlElement(name = "Notification")
    @XmlJavaTypeAdapter(IntAdapter.class)
    private Integer notification;
    @XmlElement(name = "AccessList")
    private StringArray accessList;

    private ParameterAttributeStruct() {
        // for JAXB
    }

    public ParameterAttributeStruct(String name, int notification, List<String> accessList) {
        this.name = Objects.requireNonNull(name, "name");
        this.notification = notification;
        this.accessList = new StringArray(accessList);
    }

    /** {@code Name}. */
    public String name() {
        return name == null ? "" : name;
    }

    /** {@code Notification}. */
    public int notification() {
        return notification == null ? 0 : notification;
    }

    /** {@code AccessList}. */
    public List<String> accessList() {
        return accessList == null ? List.of() : accessList.items();
    }

    static ParameterAttributeStruct empty() {
        return new ParameterAttributeStruct();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ParameterAttributeStruct)) {
            return false;
        }
        ParameterAttributeStruct other = (ParameterAttributeStruct) o;
        return name().equals(other.name())
                && notification() == other.notification()
                && accessList().equals(other.accessList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), notification(), accessList());
    }

    @Override
    public String toString() {
        return "ParameterAttributeStruct[name=" + name() + ", notification=" + notification() + ", accessList=" + accessList() + "]";
    }
}
