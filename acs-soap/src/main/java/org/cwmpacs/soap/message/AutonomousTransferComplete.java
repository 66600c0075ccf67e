package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * Reports a transfer the ACS did not ask for.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "AutonomousTransferComplete", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AutonomousTransferComplete", propOrder = {"announceUrl", "transferUrl", "isDownload", "fileType", "fileSize", "targetFileName", "faultStruct", "startTime", "completeTime"})
public final class AutonomousTransferComplete implements CpeRequest {
    @XmlElement(name = "AnnounceURL")
    private String announceUrl;
    @XmlElement(name = "TransferURL")
    private String transferUrl;
    @XmlElement(name = "IsDownload")
    @XmlJavaTypeAdapter(BooleanAdapter.class)
    private Boolean isDownload;
    @XmlElement(name = "FileType")
    private String fileType;
    @XmlElement(name = "FileSize")
    @XmlJavaTypeAdapter(UnsignedIntAdapter.class)
    private Long fileSize;
    @XmlElement(name = "TargetFileName")
    private String targetFileName;
    @XmlElement(name = "FaultStruct")
    private FaultStruct faultStruct;
    @XmlElement(name = "StartTime")
    private String startTime;
    @XmlElement(name = "CompleteTime")
    private String completeTime;

    private AutonomousTransferComplete() {
        // for JAXB
    }

    public AutonomousTransferComplete(String announceUrl, String transferUrl, boolean isDownload, String fileType, long fileSize, String targetFileName, FaultStruct faultStruct, String startTime, String completeTime) {
        this.announceUrl = Objects.requireNonNull(announceUrl, "announceUrl");
        this.transferUrl = Objects.requireNonNull(transferUrl, "transferUrl");
        this.isDownload = isDownload;
        this.fileType = Objects.requireNonNull(fileType, "fileType");
        this.fileSize = fileSize;
        this.targetFileName = Objects.requireNonNull(targetFileName, "targetFileName");
        this.faultStruct = Objects.requireNonNull(faultStruct, "faultStruct");
        this.startTime = Objects.requireNonNull(startTime, "startTime");
        this.completeTime = Objects.requireNonNull(completeTime, "completeTime");
    }

    /** {@code AnnounceURL}. */
    public String announceUrl() {
        return announceUrl == null ? "" : announceUrl;
    }

    /** {@code TransferURL}. */
    public String transferUrl() {
        return transferUrl == null ? "" : transferUrl;
    }

    /** {@code IsDownload}. */
    public boolean isDownload() {
        return isDownload != null && isDownload;
    }

    /** {@code FileType}. */
    public String fileType() {
        return fileType == null ? "" : fileType;
    }

    /** {@code FileSize}. */
    public long fileSize() {
        return fileSize == null ? 0L : fileSize;
    }

    /** {@code TargetFileName}. */
    public String targetFileName() {
        return targetFileName == null ? "" : targetFileName;
    }

    /** {@code FaultStruct}. */
    public FaultStruct faultStruct() {
        return faultStruct == null ? FaultStruct.empty() : faultStruct;
    }

    /** {@code StartTime}. */
    public String startTime() {
        return startTime == null ? "" : startTime;
    }

    /** {@code CompleteTime}. */
    public String completeTime() {
        return completeTime == null ? "" : completeTime;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AutonomousTransferComplete)) {
            return false;
        }
        AutonomousTransferComplete other = (AutonomousTransferComplete) o;
        return announceUrl().equals(other.announceUrl())
                && transferUrl().equals(other.transferUrl())
                && isDownload() == other.isDownload()
                && fileType().equals(other.fileType())
                && fileSize() == other.fileSize()
                && targetFileName().equals(other.targetFileName())
                && faultStruct().equals(other.faultStruct())
                && startTime().equals(other.startTime())
                && completeTime().equals(other.completeTime());
    }

    @Override
    public int hashCode() {
        return Objects.hash(announceUrl(), transferUrl(), isDownload(), fileType(), fileSize(), targetFileName(), faultStruct(), startTime(), completeTime());
    }

    @Override
    public String toString() {
        return "AutonomousTransferComplete[announceUrl=" + announceUrl() + ", transferUrl=" + transferUrl() + ", isDownload=" + isDownload() + ", fileType=" + fileType() + ", fileSize=" + fileSize() + ", targetFileName=" + targetFileName() + ", faultStruct=" + faultStruct() + ", startTime=" + startTime() + ", completeTime=" + completeTime() + "]";
    }
}
