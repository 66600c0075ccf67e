package org.cwmpacs.soap.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * Web-identity Kicked (deprecated).
 *
 * <p>Immutable; absent values read as {@code ""}, 0, false or an empty list, never null.
 */
@XmlRootElement(name = "Kicked", namespace = Cwmp.NS)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Kicked", propOrder = {"command", "referer", "arg", "next"})
public final class Kicked implements CpeRequest {
    @XmlElement(name = "Command")
    private String command;
    @XmlElement(name = "Referer")
    private String referer;
    @XmlElement(name = "Arg")
    private String arg;
    @XmlElement(name = "Next")
    private String next;

    private Kicked() {
        // for JAXB
    }

    public Kicked(String command, String referer, String arg, String next) {
        this.command = Objects.requireNonNull(command, "command");
        this.referer = Objects.requireNonNull(referer, "referer");
        this.arg = Objects.requireNonNull(arg, "arg");
        this.next = Objects.requireNonNull(next, "next");
    }

    /** {@code Command}. */
    public String command() {
        return command == null ? "" : command;
    }

    /** {@code Referer}. */
    public String referer() {
        return referer == null ? "" : referer;
    }

    /** {@code Arg}. */
    public String arg() {
        return arg == null ? "" : arg;
    }

    /** {@code Next}. */
    public String next() {
        return next == null ? "" : next;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Kicked)) {
            return false;
        }
        Kicked other = (Kicked) o;
        return command().equals(other.command())
                && referer().equals(other.referer())
                && arg().equals(other.arg())
                && next().equals(other.next());
    }

    @Override
    public int hashCode() {
        return Objects.hash(command(), referer(), arg(), next());
    }

    @Override
    public String toString() {
        return "Kicked[command=" + command() + ", referer=" + referer() + ", arg=" + arg() + ", next=" + next() + "]";
    }
}
