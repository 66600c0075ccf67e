package org.cwmpacs.soap;

import java.util.Objects;
import java.util.Optional;

/**
 * The CWMP SOAP header elements. {@code NoMoreRequests} is read and ignored (deprecated since CWMP 1.1).
 *
 * @param id the {@code cwmp:ID}, kept verbatim (CPEs send {@code inform}, {@code 0}, long hex strings)
 * @param holdRequests {@code cwmp:HoldRequests}, ACS to CPE only
 * @param sessionTimeout {@code cwmp:SessionTimeout} in seconds, CPE to ACS (CWMP 1.3+)
 * @param supportedCwmpVersions {@code cwmp:SupportedCWMPVersions}, e.g. {@code 1.0,1.1,1.2,1.3,1.4}
 * @param useCwmpVersion {@code cwmp:UseCWMPVersion}, ACS to CPE in an InformResponse (CWMP 1.4)
 */
public record SoapHeader(Optional<String> id, Optional<Boolean> holdRequests, Optional<Integer> sessionTimeout,
                         Optional<String> supportedCwmpVersions, Optional<String> useCwmpVersion) {
    public static final SoapHeader NONE = new SoapHeader(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public SoapHeader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(holdRequests, "holdRequests");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(supportedCwmpVersions, "supportedCwmpVersions");
        Objects.requireNonNull(useCwmpVersion, "useCwmpVersion");
    }

    /** A header with only {@code cwmp:ID}. */
    public static SoapHeader withId(String id) {
        return NONE.id(id);
    }

    public SoapHeader id(String newId) {
        return new SoapHeader(Optional.of(newId), holdRequests, sessionTimeout, supportedCwmpVersions, useCwmpVersion);
    }

    public SoapHeader holdRequests(boolean hold) {
        return new SoapHeader(id, Optional.of(hold), sessionTimeout, supportedCwmpVersions, useCwmpVersion);
    }

    public SoapHeader sessionTimeout(int seconds) {
        return new SoapHeader(id, holdRequests, Optional.of(seconds), supportedCwmpVersions, useCwmpVersion);
    }

    public SoapHeader supportedCwmpVersions(String versions) {
        return new SoapHeader(id, holdRequests, sessionTimeout, Optional.of(versions), useCwmpVersion);
    }

    public SoapHeader useCwmpVersion(String version) {
        return new SoapHeader(id, holdRequests, sessionTimeout, supportedCwmpVersions, Optional.of(version));
    }
}
