package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * Answers Inform; MaxEnvelopes is always 1.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "InformResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "InformResponse", propOrder = {"maxEnvelopes"})
public final class InformResponse implements AcsResponse {
    @XmlElement(name = "MaxEnvelopes")
    @XmlJavaTypeAdapter(UnsignedIntAdapter.class)
    private Long maxEnvelopes;

    private InformResponse() {
        // for JAXB
    }

    public InformResponse(long maxEnvelopes) {
        this.maxEnvelopes = maxEnvelopes;
    }

    /** {@code MaxEnvelopes}. */
    public long maxEnvelopes() {
        return maxEnvelopes == null ? 0L : maxEnvelopes;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof InformResponse)) {
            return false;
        }
        InformResponse other = (InformResponse) o;
        return maxEnvelopes() == other.maxEnvelopes();
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxEnvelopes());
    }

    @Override
    public String toString() {
        return "InformResponse[maxEnvelopes=" + maxEnvelopes() + "]";
    }
}
