package org.cwmpacs.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import org.cwmpacs.soap.message.ParameterValueStruct;
import org.cwmpacs.soap.message.XsdType;
import org.junit.jupiter.api.Test;

/** Typed reading of parameter values, whose text and xsi:type are kept as the CPE sent them. */
class ParameterValueStructTest {
    private static ParameterValueStruct value(String text, String type) {
        return new ParameterValueStruct("Device.X", text, type);
    }

    @Test
    void integers() {
        assertThat(value(" 42 ", "xsd:int").intValue()).isEqualTo(42);
        assertThat(value("-7", "xsd:int").intValue()).isEqualTo(-7);
        assertThat(value("4294967295", "xsd:unsignedInt").longValue()).isEqualTo(4294967295L);
        assertThat(value("-9223372036854775808", "xsd:long").longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(value("18446744073709551615", "xsd:unsignedLong").integerValue())
                .isEqualTo(new BigInteger("18446744073709551615"));
        assertThatThrownBy(() -> value("18446744073709551615", "xsd:unsignedLong").longValue())
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> value("12abc", "xsd:int").intValue())
                .isInstanceOf(NumberFormatException.class).hasMessageContaining("Device.X").hasMessageContaining("12abc");
    }

    @Test
    void booleans() {
        assertThat(value("1", "xsd:boolean").booleanValue()).isTrue();
        assertThat(value("TRUE", "xsd:boolean").booleanValue()).isTrue();
        assertThat(value("0", "xsd:boolean").booleanValue()).isFalse();
        assertThat(value("false", "xsd:boolean").booleanValue()).isFalse();
        assertThatThrownBy(() -> value("yes", "xsd:boolean").booleanValue())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Device.X");
    }

    @Test
    void dateTimes() {
        assertThat(value("2024-05-01T10:00:00+05:30", "xsd:dateTime").dateTimeValue())
                .contains(Instant.parse("2024-05-01T04:30:00Z"));
        assertThat(value("2024-05-01T10:00:00.250Z", "xsd:dateTime").dateTimeValue())
                .contains(Instant.parse("2024-05-01T10:00:00.250Z"));
        assertThat(value("2015-01-19T23:08:24", "xsd:dateTime").dateTimeValue())
                .contains(Instant.parse("2015-01-19T23:08:24Z"));
        assertThat(value("2019-03-05T11:54::14", "xsd:dateTime").dateTimeValue()).isEmpty();
    }

    @Test
    void binary() {
        assertThat(value("aGVsbG8=", "xsd:base64").base64Value()).isEqualTo("hello".getBytes());
        assertThat(value("aGVs\nbG8=", "soapenc:base64").base64Value()).isEqualTo("hello".getBytes());
        assertThat(value("CAFE01", "xsd:hexBinary").hexBinaryValue()).containsExactly(0xCA, 0xFE, 0x01);
        assertThat(value("cafe01", "xsd:hexBinary").hexBinaryValue()).containsExactly(0xCA, 0xFE, 0x01);
    }

    @Test
    void typesAreClassifiedWithoutResolvingPrefixes() {
        assertThat(XsdType.of("xsd:unsignedInt")).isEqualTo(XsdType.UNSIGNED_INT);
        assertThat(XsdType.of("xs:unsignedInt")).isEqualTo(XsdType.UNSIGNED_INT);
        assertThat(XsdType.of("unsignedint")).isEqualTo(XsdType.UNSIGNED_INT);
        assertThat(XsdType.of("soapenc:base64")).isEqualTo(XsdType.BASE64);
        assertThat(XsdType.of("")).isEqualTo(XsdType.STRING);
        assertThat(XsdType.of("xsd:json")).isEqualTo(XsdType.OTHER);
        assertThat(value("{}", "xsd:json").type()).isEqualTo("xsd:json");
    }

    @Test
    void otherHasNoNameToWrite() {
        assertThatThrownBy(() -> new ParameterValueStruct("Device.X", "1", XsdType.OTHER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("raw xsi:type");
    }
}
