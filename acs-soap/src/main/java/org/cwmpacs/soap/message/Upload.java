package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Objects;

/**
 * Asks the CPE to upload a file (configuration or log) to a URL.
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "Upload", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Upload", propOrder = {"commandKey", "fileType", "url", "username", "password", "delaySeconds"})
public final class Upload implements AcsRequest {
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
    @XmlElement(name = "DelaySeconds")
    @XmlJavaTypeAdapter(UnsignedIntAdapter.class)
    private Long delaySeconds;

    private Upload() {
        // for JAXB
    }

    public Upload(String commandKey, String fileType, String url, String username, String password, long delaySeconds) {
        this.commandKey = Objects.requireNonNull(commandKey, "commandKey");
        this.fileType = Objects.requireNonNull(fileType, "fileType");
        this.url = Objects.requireNonNull(url, "url");
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.delaySeconds = delaySeconds;
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

    /** {@code DelaySeconds}. */
    public long delaySeconds() {
        return delaySeconds == null ? 0L : delaySeconds;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Upload)) {
            return false;
        }
        Upload other = (Upload) o;
        return commandKey().equals(other.commandKey())
                && fileType().equals(other.fileType())
                && url().equals(other.url())
                && username().equals(other.username())
                && password().equals(other.password())
                && delaySeconds() == other.delaySeconds();
    }

    @Override
    public int hashCode() {
        return Objects.hash(commandKey(), fileType(), url(), username(), password(), delaySeconds());
    }

    @Override
    public String toString() {
        return "Upload[commandKey=" + commandKey() + ", fileType=" + fileType() + ", url=" + url() + ", username=" + username() + ", password=" + (password().isEmpty() ? "" : "***") + ", delaySeconds=" + delaySeconds() + "]";
    }
}
