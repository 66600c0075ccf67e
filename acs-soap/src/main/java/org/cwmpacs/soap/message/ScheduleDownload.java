package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.List;
import java.util.Objects;

/**
 * A download to be done within one or two time windows (CWMP 1.2+).
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "ScheduleDownload", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ScheduleDownload", propOrder = {"commandKey", "fileType", "url", "username", "password", "fileSize", "targetFileName", "timeWindowList"})
public final class ScheduleDownload implements AcsRequest {
    @XmlElement(name = "CommandKey")
    private String commandKey;
    @XmlElement(name = "FileType")
    private String fileType;
    @XmlElement(name = "URL")
    private String url;
    @XmlElement(name = "Username")
    private String username;
    @XmlElement(name = "Password")
    private String password;
    @XmlElement(name = "FileSize")
    @XmlJavaTypeAdapter(UnsignedIntAdapter.class)
    private Long fileSize;
    @XmlElement(name = "TargetFileName")
    private String targetFileName;
    @XmlElement(name = "TimeWindowList")
    private TimeWindowArray timeWindowList;

    private ScheduleDownload() {
        // for JAXB
    }

    public ScheduleDownload(String commandKey, String fileType, String url, String username, String password, long fileSize, String targetFileName, List<TimeWindowStruct> timeWindowList) {
        this.commandKey = Objects.requireNonNull(commandKey, "commandKey");
        this.fileType = Objects.requireNonNull(fileType, "fileType");
        this.url = Objects.requireNonNull(url, "url");
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.fileSize = fileSize;
        this.targetFileName = Objects.requireNonNull(targetFileName, "targetFileName");
        this.timeWindowList = new TimeWindowArray(timeWindowList);
    }

    /** {@code CommandKey}. */
    public String commandKey() {
        return commandKey == null ? "" : commandKey;
    }

    /** {@code FileType}. */
    public String fileType() {
        return fileType == null ? "" : fileType;
    }

    /** {@code URL}. */
    public String url() {
        return url == null ? "" : url;
    }

    /** {@code Username}. */
    public String username() {
        return username == null ? "" : username;
    }

    /** {@code Password}. */
    public String password() {
        return password == null ? "" : password;
    }

    /** {@code FileSize}. */
    public long fileSize() {
        return fileSize == null ? 0L : fileSize;
    }

    /** {@code TargetFileName}. */
    public String targetFileName() {
        return targetFileName == null ? "" : targetFileName;
    }

    /** {@code TimeWindowList}. */
    public List<TimeWindowStruct> timeWindowList() {
        return timeWindowList == null ? List.of() : timeWindowList.items();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ScheduleDownload)) {
            return false;
        }
        ScheduleDownload other = (ScheduleDownload) o;
        return commandKey().equals(other.commandKey())
                && fileType().equals(other.fileType())
                && url().equals(other.url())
                && username().equals(other.username())
                && password().equals(other.password())
                && fileSize() == other.fileSize()
                && targetFileName().equals(other.targetFileName())
                && timeWindowList().equals(other.timeWindowList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(commandKey(), fileType(), url(), username(), password(), fileSize(), targetFileName(), timeWindowList());
    }

    @Override
    public String toString() {
        return "ScheduleDownload[commandKey=" + commandKey() + ", fileType=" + fileType() + ", url=" + url() + ", username=" + username() + ", password=" + (password().isEmpty() ? "" : "***") + ", fileSize=" + fileSize() + ", targetFileName=" + targetFileName() + ", timeWindowList=" + timeWindowList() + "]";
    }
}
