package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * One option of GetOptionsResponse. {@code State}: 0 disabled, 1 enabled, 2 disabled and set up, 3 enabled
 * and set up; {@code Mode}: 0 disabled, 1 enabled with expiration, 2 enabled without; an empty
 * {@code ExpirationDate} is left out, as the schema allows.
 *
 * <p>Immutable; absent values read as {@code ""} or 0, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "OptionStruct", propOrder = {"optionName", "voucherSn", "state", "mode", "startDate",
        "expirationDate", "isTransferable"})
public final class OptionStruct {
    @XmlElement(name = "OptionName")
    private String optionName;
    @XmlElement(name = "VoucherSN")
    @XmlJavaTypeAdapter(UnsignedIntAdapter.class)
    private Long voucherSn;
    @XmlElement(name = "State")
    @XmlJavaTypeAdapter(UnsignedIntAdapter.class)
    private Long state;
    @XmlElement(name = "Mode")
    @XmlJavaTypeAdapter(IntAdapter.class)
    private Integer mode;
    @XmlElement(name = "StartDate")
    private String startDate;
    @XmlElement(name = "ExpirationDate")
    private String expirationDate;
    @XmlElement(name = "IsTransferable")
    @XmlJavaTypeAdapter(IntAdapter.class)
    private Integer isTransferable;

    private OptionStruct() {
        // for JAXB
    }

    public OptionStruct(String optionName, long voucherSn, long state, int mode, String startDate,
                        String expirationDate, boolean isTransferable) {
        this.optionName = Objects.requireNonNull(optionName, "optionName");
        this.voucherSn = voucherSn;
        this.state = state;
        this.mode = mode;
        this.startDate = Objects.requireNonNull(startDate, "startDate");
        this.expirationDate = Objects.requireNonNull(expirationDate, "expirationDate").isEmpty() ? null
                : expirationDate;
        this.isTransferable = isTransferable ? 1 : 0;
    }

    public String optionName() {
        return optionName == null ? "" : optionName;
    }

    public long voucherSn() {
        return voucherSn == null ? 0L : voucherSn;
    }

    public long state() {
        return state == null ? 0L : state;
    }

    public int mode() {
        return mode == null ? 0 : mode;
    }

    public String startDate() {
        return startDate == null ? "" : startDate;
    }

    public String expirationDate() {
        return expirationDate == null ? "" : expirationDate;
    }

    public boolean isTransferable() {
        return isTransferable != null && isTransferable != 0;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OptionStruct)) {
            return false;
        }
        OptionStruct other = (OptionStruct) o;
        return optionName().equals(other.optionName()) && voucherSn() == other.voucherSn() && state() == other.state()
                && mode() == other.mode() && startDate().equals(other.startDate())
                && expirationDate().equals(other.expirationDate()) && isTransferable() == other.isTransferable();
    }

    @Override
    public int hashCode() {
        return Objects.hash(optionName(), voucherSn(), state(), mode(), startDate(), expirationDate(), isTransferable());
    }

    @Override
    public String toString() {
        return "OptionStruct[optionName=" + optionName() + ", voucherSN=" + voucherSn() + ", state=" + state()
                + ", mode=" + mode() + ", startDate=" + startDate() + ", expirationDate=" + expirationDate()
                + ", isTransferable=" + isTransferable() + "]";
    }
}
