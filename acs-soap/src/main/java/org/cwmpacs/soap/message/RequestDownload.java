package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import java.util.Objects;

/**
 * The CPE asks the ACS to send it a Download of a file type.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "RequestDownload", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "RequestDownload", propOrder = {"fileType", "fileTypeArg"})
public final class RequestDownload implements CpeRequest {
    @XmlElement(name = "FileType")
    private String fileType;
    @XmlElement(name = "FileTypeArg")
    private ArgArray fileTypeArg;

    private RequestDownload() {
        // for JAXB
    }

    public RequestDownload(String fileType, List<ArgStruct> fileTypeArg) {
        this.fileType = Objects.requireNonNull(fileType, "fileType");
        this.fileTypeArg = new ArgArray(fileTypeArg);
    }

    /** {@code FileType}. */
    public String fileType() {
        return fileType == null ? "" : fileType;
    }

    /** {@code FileTypeArg}. */
    public List<ArgStruct> fileTypeArg() {
        return fileTypeArg == null ? List.of() : fileTypeArg.items();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RequestDownload)) {
            return false;
        }
        RequestDownload other = (RequestDownload) o;
        return fileType().equals(other.fileType())
                && fileTypeArg().equals(other.fileTypeArg());
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileType(), fileTypeArg());
    }

    @Override
    public String toString() {
        return "RequestDownload[fileType=" + fileType() + ", fileTypeArg=" + fileTypeArg() + "]";
    }
}
