package org.cwmpacs.core.auth;

import java.util.Objects;

/** A username and password a CPE must present (or the ACS presents to a CPE). */
public record CpeCredentials(String username, String password) {
    public CpeCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }
}
