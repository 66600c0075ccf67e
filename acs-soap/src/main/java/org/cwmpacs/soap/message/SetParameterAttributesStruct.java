package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.List;
import java.util.Objects;

/**
 * One entry of SetParameterAttributes.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "SetParameterAttributesStruct", propOrder = {"name", "notificationChange", "notification", "accessListChange", "accessList"})
public final class SetParameterAttributesStruct {
    @XmlElement(name = "Name")
    private String name;
    @XmlElement(name = "NotificationChange")
    @XmlJavaTypeAdapter(BooleanAdapter.class)
    private Boolean notificationChange;
    @XmlElement(name = "Notification")
    @XmlJavaTypeAdapter(IntAdapter.class)
    private Integer notification;
    @XmlElement(name = "AccessListChange")
    @XmlJavaTypeAdapter(BooleanAdapter.class)
    private Boolean accessListChange;
    @XmlElement(name = "AccessList")
    private StringArray accessList;

    private SetParameterAttributesStruct() {
        // for JAXB
    }

    public SetParameterAttributesStruct(String name, boolean notificationChange, int notification, boolean accessListChange, List<String> accessList) {
        this.name = Objects.requireNonNull(name, "name");
        this.notificationChange = notificationChange;
        this.notification = notification;
        this.accessListChange = accessListChange;
        this.accessList = new StringArray(accessList);
    }

    /** {@code Name}. */
    public String name() {
        return name == null ? "" : name;
    }

    /** {@code NotificationChange}. */
    public boolean notificationChange() {
        return notificationChange != null && notificationChange;
    }

    /** {@code Notification}. */
    public int notification() {
        return notification == null ? 0 : notification;
    }

    /** {@code AccessListChange}. */
    public boolean accessListChange() {
        return accessListChange != null && accessListChange;
    }

    /** {@code AccessList}. */
    public List<String> accessList() {
        return accessList == null ? List.of() : accessList.items();
    }

    static SetParameterAttributesStruct empty() {
        return new SetParameterAttributesStruct();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SetParameterAttributesStruct)) {
            return false;
        }
        SetParameterAttributesStruct other = (SetParameterAttributesStruct) o;
        return name().equals(other.name())
                && notificationChange() == other.notificationChange()
                && notification() == other.notification()
                && accessListChange() == other.accessListChange()
                && accessList().equals(other.accessList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), notificationChange(), notification(), accessListChange(), accessList());
    }

    @Override
    public String toString() {
        return "SetParameterAttributesStruct[name=" + name() + ", notificationChange=" + notificationChange() + ", notification=" + notification() + ", accessListChange=" + accessListChange() + ", accessList=" + accessList() + "]";
    }
}
