package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * A GetAllQueuedTransfers entry.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AllQueuedTransferStruct", propOrder = {"commandKey", "state", "isDownload", "fileType", "fileSize", "targetFileName"})
public final class AllQueuedTransferStruct {
    @XmlElement(name = "CommandKey")
    private String commandKey;
    @XmlElement(name = "State")
    @XmlJavaTypeAdapter(IntAdapter.class)
    private Integer state;
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

    private AllQueuedTransferStruct() {
        // for JAXB
    }

    public AllQueuedTransferStruct(String commandKey, int state, boolean isDownload, String fileType, long fileSize, String targetFileName) {
        this.commandKey = Objects.requireNonNull(commandKey, "commandKey");
        this.state = state;
        this.isDownload = isDownload;
        this.fileType = Objects.requireNonNull(fileType, "fileType");
        this.fileSize = fileSize;
        this.targetFileName = Objects.requireNonNull(targetFileName, "targetFileName");
    }

    /** {@code CommandKey}. */
    public String commandKey() {
        return commandKey == null ? "" : commandKey;
    }

    /** {@code State}. */
    public int state() {
        return state == null ? 0 : state;
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

    static AllQueuedTransferStruct empty() {
        return new AllQueuedTransferStruct();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AllQueuedTransferStruct)) {
            return false;
        }
        AllQueuedTransferStruct other = (AllQueuedTransferStruct) o;
        return commandKey().equals(other.commandKey())
                && state() == other.state()
                && isDownload() == other.isDownload()
                && fileType().equals(other.fileType())
                && fileSize() == other.fileSize()
                && targetFileName().equals(other.targetFileName());
    }

    @Override
    public int hashCode() {
        return Objects.hash(commandKey(), state(), isDownload(), fileType(), fileSize(), targetFileName());
    }

    @Override
    public String toString() {
        return "AllQueuedTransferStruct[commandKey=" + commandKey() + ", state=" + state() + ", isDownload=" + isDownload() + ", fileType=" + fileType() + ", fileSize=" + fileSize() + ", targetFileName=" + targetFileName() + "]";
    }
}
