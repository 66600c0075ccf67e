package org.cwmpacs.soap.message;

import java.util.Objects;

/**
 * A Body element that is no CWMP method we know, e.g. a vendor {@code X_...} RPC. Decoding does not fail
 * on it, so that the ACS can answer fault 8000 instead of dropping the session.
 */
public final class UnknownMessage implements CpeRequest, CpeResponse {
    private final String namespace;
    private final String name;

    public UnknownMessage(String namespace, String name) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String methodName() {
        return name;
    }

    /** The element's namespace URI as sent ("" for none). */
    public String namespace() {
        return namespace;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownMessage && name.equals(((UnknownMessage) o).name)
                && namespace.equals(((UnknownMessage) o).namespace);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "UnknownMessage[" + name + "]";
    }
}
