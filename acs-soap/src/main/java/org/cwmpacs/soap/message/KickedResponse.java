package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * Answers Kicked with the next URL for the browser.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "KickedResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "KickedResponse", propOrder = {"nextUrl"})
public final class KickedResponse implements AcsResponse {
    @XmlElement(name = "NextURL")
    private String nextUrl;

    private KickedResponse() {
        // for JAXB
    }

    public KickedResponse(String nextUrl) {
        this.nextUrl = Objects.requireNonNull(nextUrl, "nextUrl");
    }

    /** {@code NextURL}. */
    public String nextUrl() {
        return nextUrl == null ? "" : nextUrl;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof KickedResponse)) {
            return false;
        }
        KickedResponse other = (KickedResponse) o;
        return nextUrl().equals(other.nextUrl());
    }

    @Override
    public int hashCode() {
        return Objects.hash(nextUrl());
    }

    @Override
    public String toString() {
        return "KickedResponse[nextUrl=" + nextUrl() + "]";
    }
}
