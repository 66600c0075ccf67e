package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * Gives the CPE signed option vouchers (deprecated in CWMP, still in the schema). Each voucher is kept as
 * the base64 text it travels as.
 *
 * <p>Immutable; absent values read as an empty list, never null.
 */
@XmlRootElement(name = "SetVouchers", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "SetVouchers", propOrder = {"voucherList"})
public final class SetVouchers implements AcsRequest {
    @XmlElement(name = "VoucherList")
    private VoucherArray voucherList;

    private SetVouchers() {
        // for JAXB
    }

    public SetVouchers(List<String> voucherList) {
        if (voucherList.isEmpty()) {
            throw new IllegalArgumentException("SetVouchers needs at least one voucher");
        }
        this.voucherList = new VoucherArray(voucherList);
    }

    /** {@code VoucherList}: each voucher as base64 text. */
    public List<String> voucherList() {
        return voucherList == null ? List.of() : voucherList.items();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetVouchers && voucherList().equals(((SetVouchers) o).voucherList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(voucherList());
    }

    @Override
    public String toString() {
        return "SetVouchers[vouchers=" + voucherList().size() + "]";
    }
}
