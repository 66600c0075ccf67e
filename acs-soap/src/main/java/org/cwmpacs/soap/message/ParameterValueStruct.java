package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A parameter name with its value. The value's text and its raw {@code xsi:type} are kept exactly as
 * received (so unknown types such as {@code xsd:json} survive); typed accessors parse on demand.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ParameterValueStruct", propOrder = {"name", "value"})
public final class ParameterValueStruct {
    @XmlElement(name = "Name")
    private String name;
    @XmlElement(name = "Value")
    @XmlJavaTypeAdapter(ParameterValueAdapter.class)
    private ParameterValue value;

    private ParameterValueStruct() {
        // for JAXB
    }

    /** A value with a raw {@code xsi:type} such as {@code xsd:string}; an empty type is written as none. */
    public ParameterValueStruct(String name, String value, String rawType) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = new ParameterValue(emptyToNull(Objects.requireNonNull(rawType, "rawType")),
                Objects.requireNonNull(value, "value"));
    }

    public ParameterValueStruct(String name, String value, XsdType type) {
        this(name, value, Objects.requireNonNull(type, "type") == XsdType.OTHER
                ? failOther() : type.qualifiedName());
    }

    /** What a CPE sent as a ParameterValueStruct with no {@code <Value>} element (seen on Cisco SPA122). */
    public static ParameterValueStruct withoutValue(String name) {
        ParameterValueStruct p = new ParameterValueStruct();
        p.name = Objects.requireNonNull(name, "name");
        return p;
    }

    public static ParameterValueStruct ofString(String name, String value) {
        return new ParameterValueStruct(name, value, XsdType.STRING);
    }

    public static ParameterValueStruct ofUnsignedInt(String name, long value) {
        return new ParameterValueStruct(name, Long.toString(value), XsdType.UNSIGNED_INT);
    }

    public static ParameterValueStruct ofInt(String name, int value) {
        return new ParameterValueStruct(name, Integer.toString(value), XsdType.INT);
    }

    public static ParameterValueStruct ofBoolean(String name, boolean value) {
        return new ParameterValueStruct(name, value ? "1" : "0", XsdType.BOOLEAN);
    }

    /** {@code Name}. */
    public String name() {
        return name == null ? "" : name;
    }

    /** The value's text exactly as received (CDATA and character references resolved); "" when absent. */
    public String value() {
        return value == null ? "" : value.text();
    }

    /** False when the CPE sent no {@code <Value>} element at all (seen on Cisco SPA122). */
    public boolean hasValue() {
        return value != null;
    }

    /** The raw {@code xsi:type}, e.g. {@code xsd:unsignedInt}; "" when the CPE sent none. */
    public String type() {
        return value == null ? "" : value.type();
    }

    /** The type classified; a missing {@code xsi:type} reads as {@link XsdType#STRING}. */
    public XsdType xsdType() {
        return XsdType.of(type());
    }

    /** The value of an int, unsignedInt, long or unsignedLong parameter. */
    public BigInteger integerValue() {
        try {
            return new BigInteger(value().strip());
        } catch (NumberFormatException e) {
            throw new NumberFormatException(name() + ": not an integer: '" + value() + "'");
        }
    }

    public int intValue() {
        return integerValue().intValueExact();
    }

    public long longValue() {
        return integerValue().longValueExact();
    }

    /** {@code 1}/{@code true} or {@code 0}/{@code false}, any case. */
    public boolean booleanValue() {
        try {
            return BooleanAdapter.parse(value());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name() + ": " + e.getMessage(), e);
        }
    }

    /** The instant of a dateTime value; empty when it cannot be read (see {@link CwmpDateTime}). */
    public Optional<Instant> dateTimeValue() {
        return CwmpDateTime.parse(value());
    }

    public byte[] base64Value() {
        return Base64.getMimeDecoder().decode(value().strip());
    }

    public byte[] hexBinaryValue() {
        return HexFormat.of().parseHex(value().strip());
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String failOther() {
        throw new IllegalArgumentException("XsdType.OTHER has no name: pass the raw xsi:type instead");
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ParameterValueStruct)) {
            return false;
        }
        ParameterValueStruct other = (ParameterValueStruct) o;
        return name().equals(other.name()) && value().equals(other.value()) && type().equals(other.type())
                && hasValue() == other.hasValue();
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), value(), type());
    }

    @Override
    public String toString() {
        return name() + "=" + value() + (type().isEmpty() ? "" : " (" + type() + ")");
    }
}
