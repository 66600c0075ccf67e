package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The CPE took the vouchers. */
@XmlRootElement(name = "SetVouchersResponse", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "SetVouchersResponse", propOrder = {})
public final class SetVouchersResponse implements CpeResponse {
    public SetVouchersResponse() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetVouchersResponse;
    }

    @Override
    public int hashCode() {
        return SetVouchersResponse.class.hashCode();
    }

    @Override
    public String toString() {
        return "SetVouchersResponse[]";
    }
}
