package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * The CPE's identity in an Inform; OUI is six hex digits, upper case by the spec (some CPEs send lower case).
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "DeviceIdStruct", propOrder = {"manufacturer", "oui", "productClass", "serialNumber"})
public final class DeviceIdStruct {
    @XmlElement(name = "Manufacturer")
    private String manufacturer;
    @XmlElement(name = "OUI")
    private String oui;
    @XmlElement(name = "ProductClass")
    private String productClass;
    @XmlElement(name = "SerialNumber")
    private String serialNumber;

    private DeviceIdStruct() {
        // for JAXB
    }

    public DeviceIdStruct(String manufacturer, String oui, String productClass, String serialNumber) {
        this.manufacturer = Objects.requireNonNull(manufacturer, "manufacturer");
        this.oui = Objects.requireNonNull(oui, "oui");
        this.productClass = Objects.requireNonNull(productClass, "productClass");
        this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
    }

    /** {@code Manufacturer}. */
    public String manufacturer() {
        return manufacturer == null ? "" : manufacturer;
    }

    /** {@code OUI}. */
    public String oui() {
        return oui == null ? "" : oui;
    }

    /** {@code ProductClass}. */
    public String productClass() {
        return productClass == null ? "" : productClass;
    }

    /** {@code SerialNumber}. */
    public String serialNumber() {
        return serialNumber == null ? "" : serialNumber;
    }

    /** The OUI upper-cased and trimmed, as device ids use it (some CPEs send lower case). */
    public String normalizedOui() {
        return oui().strip().toUpperCase(java.util.Locale.ROOT);
    }

    static DeviceIdStruct empty() {
        return new DeviceIdStruct();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeviceIdStruct)) {
            return false;
        }
        DeviceIdStruct other = (DeviceIdStruct) o;
        return manufacturer().equals(other.manufacturer())
                && oui().equals(other.oui())
                && productClass().equals(other.productClass())
                && serialNumber().equals(other.serialNumber());
    }

    @Override
    public int hashCode() {
        return Objects.hash(manufacturer(), oui(), productClass(), serialNumber());
    }

    @Override
    public String toString() {
        return "DeviceIdStruct[manufacturer=" + manufacturer() + ", oui=" + oui() + ", productClass=" + productClass() + ", serialNumber=" + serialNumber() + "]";
    }
}
