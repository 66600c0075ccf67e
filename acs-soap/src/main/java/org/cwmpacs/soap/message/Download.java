package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * Asks the CPE to download a file. Always marshalled with all ten children, because some CPEs (RDK-B) parse it by position.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "Download", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Download", propOrder = {"commandKey", "fileType", "url", "username", "password", "fileSize", "targetFileName", "delaySeconds", "successUrl", "failureUrl"})
public final class Download implements AcsRequest {
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
    @XmlElement(name = "DelaySeconds")
    @XmlJavaTypeAdapter(UnsignedIntAdapter.class)
    private Long delaySeconds;
    @XmlElement(name = "SuccessURL")
    private String successUrl;
    @XmlElement(name = "FailureURL")
    private String failureUrl;

    private Download() {
        // for JAXB
    }

    public Download(String commandKey, String fileType, String url, String username, String password, long fileSize, String targetFileName, long delaySeconds, String successUrl, String failureUrl) {
        this.commandKey = Objects.requireNonNull(commandKey, "commandKey");
        this.fileType = Objects.requireNonNull(fileType, "fileType");
        this.url = Objects.requireNonNull(url, "url");
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.fileSize = fileSize;
        this.targetFileName = Objects.requireNonNull(targetFileName, "targetFileName");
        this.delaySeconds = delaySeconds;
        this.successUrl = Objects.requireNonNull(successUrl, "successUrl");
        this.failureUrl = Objects.requireNonNull(failureUrl, "failureUrl");
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

    /** {@code DelaySeconds}. */
    public long delaySeconds() {
        return delaySeconds == null ? 0L : delaySeconds;
    }

    /** {@code SuccessURL}. */
    public String successUrl() {
        return successUrl == null ? "" : successUrl;
    }

    /** {@code FailureURL}. */
    public String failureUrl() {
        return failureUrl == null ? "" : failureUrl;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Download)) {
            return false;
        }
        Download other = (Download) o;
        return commandKey().equals(other.commandKey())
                && fileType().equals(other.fileType())
                && url().equals(other.url())
                && username().equals(other.username())
                && password().equals(other.password())
                && fileSize() == other.fileSize()
                && targetFileName().equals(other.targetFileName())
                && delaySeconds() == other.delaySeconds()
                && successUrl().equals(other.successUrl())
                && failureUrl().equals(other.failureUrl());
    }

    @Override
    public int hashCode() {
        return Objects.hash(commandKey(), fileType(), url(), username(), password(), fileSize(), targetFileName(), delaySeconds(), successUrl(), failureUrl());
    }

    @Override
    public String toString() {
        return "Download[commandKey=" + commandKey() + ", fileType=" + fileType() + ", url=" + url() + ", username=" + username() + ", password=" + (password().isEmpty() ? "" : "***") + ", fileSize=" + fileSize() + ", targetFileName=" + targetFileName() + ", delaySeconds=" + delaySeconds() + ", successUrl=" + successUrl() + ", failureUrl=" + failureUrl() + "]";
    }
}
