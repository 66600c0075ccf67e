package org.cwmpacs.core.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether CPEs must authenticate ({@code ACS_CWMP_AUTH}), and with which credentials: the configured ones
 * ({@code ACS_CWMP_USERNAME} / {@code ACS_CWMP_PASSWORD}) for every CPE, else each device's stored
 * {@code ManagementServer.Username} / {@code ManagementServer.Password}.
 */
public record CpeAuthConfig(boolean enabled, Optional<CpeCredentials> credentials) {
    public static final CpeAuthConfig OFF = new CpeAuthConfig(false, Optional.empty());

    public CpeAuthConfig {
        Objects.requireNonNull(credentials, "credentials");
    }
}
