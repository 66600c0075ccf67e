package org.cwmpacs.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.cwmpacs.soap.message.CwmpDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CWMP dateTimes as CPEs send them; the fast path must agree with java.time on every form. */
class CwmpDateTimeTest {
    @ParameterizedTest
    @CsvSource({"2024-01-01T12:00:00Z, 2024-01-01T12:00:00Z",
        "2024-01-01T12:00:00, 2024-01-01T12:00:00Z",
        "2016-01-30T13:20:27+01:00, 2016-01-30T12:20:27Z",
        "2024-05-01T10:00:00-05:30, 2024-05-01T15:30:00Z",
        "2024-05-01T10:00:00.250Z, 2024-05-01T10:00:00.250Z",
        "2024-05-01T10:00:00.123456789+00:00, 2024-05-01T10:00:00.123456789Z",
        "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
        "' 2024-01-01T12:00:00Z ', 2024-01-01T12:00:00Z"})
    void readsTheFormsCpesSend(String text, String expected) {
        assertThat(CwmpDateTime.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-03-05T11:54::14", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "yesterday", "",
        "2024-01-01T25:00:00Z", "2024-01-01T12:00:00+5", "2024-01-01T12:00:00Zjunk"})
    void unreadableFormsAreEmpty(String text) {
        assertThat(CwmpDateTime.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-06-30T23:59:59+14:00", "1999-12-31T00:00:00.5-12:00", "2038-01-19T03:14:08Z"})
    void agreesWithJavaTime(String text) {
        assertThat(CwmpDateTime.parse(text)).contains(OffsetDateTime.parse(text).toInstant());
    }
}
