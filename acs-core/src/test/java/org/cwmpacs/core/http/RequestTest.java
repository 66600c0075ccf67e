package org.cwmpacs.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Path segments are decoded once, as JavaScript's decodeURIComponent does. */
class RequestTest {
    @Test
    void escapesAreDecodedOnceAndTheRestKept() {
        assertThat(Request.decode("202BC1-BM632w-SR552NA084%252D0003269")).isEqualTo("202BC1-BM632w-SR552NA084%2D0003269");
        assertThat(Request.decode("a+b%20c")).isEqualTo("a+b c");
        assertThat(Request.decode("caf%C3%A9")).isEqualTo("café");
        assertThat(Request.decode("é😀%41")).as("raw text beyond ASCII, a surrogate pair included").isEqualTo("é😀A");
    }

    @Test
    void malformedEscapesAreRefused() {
        assertThatThrownBy(() -> Request.decode("%ZZ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Request.decode("abc%4")).isInstanceOf(IllegalArgumentException.class);
    }
}
