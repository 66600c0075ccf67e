package org.cwmpacs.nbi.fs;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.util.Optional;

/** Conditional requests on a file (RFC 9110 §13): which answer they call for, if not the file. */
final class Conditions {
    private Conditions() {
    }

    /** 412 if a precondition fails, 304 if the client's copy is current, else empty. */
    static Optional<HttpResponseStatus> check(HttpHeaders headers, String etag, Instant modified) {
        String ifMatch = headers.get(HttpHeaderNames.IF_MATCH);
        if (ifMatch != null && !matches(etag, ifMatch)) {
            return Optional.of(HttpResponseStatus.PRECONDITION_FAILED);
        }
        String ifUnmodified = headers.get(HttpHeaderNames.IF_UNMODIFIED_SINCE);
        if (ifMatch == null && ifUnmodified != null) {
            Optional<Instant> since = FileHandler.httpDate(ifUnmodified);
            if (since.isPresent() && modified.isAfter(since.get())) {
                return Optional.of(HttpResponseStatus.PRECONDITION_FAILED);
            }
        }
        String ifNoneMatch = headers.get(HttpHeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return matches(etag, ifNoneMatch) ? Optional.of(HttpResponseStatus.NOT_MODIFIED) : Optional.empty();
        }
        String ifModified = headers.get(HttpHeaderNames.IF_MODIFIED_SINCE);
        if (ifModified != null) {
            Optional<Instant> since = FileHandler.httpDate(ifModified);
            if (since.isPresent() && !modified.isAfter(since.get())) {
                return Optional.of(HttpResponseStatus.NOT_MODIFIED);
            }
        }
        return Optional.empty();
    }

    /** Whether a Range applies: without If-Range always; with it only if the file is the one the client has. */
    static boolean ifRangeHolds(HttpHeaders headers, String etag, Instant modified) {
        String ifRange = headers.get(HttpHeaderNames.IF_RANGE);
        if (ifRange == null) {
            return true;
        }
        if (ifRange.strip().startsWith("\"") || ifRange.strip().startsWith("W/")) {
            return matches(etag, ifRange);
        }
        return FileHandler.httpDate(ifRange).map(d -> !modified.isAfter(d)).orElse(false);
    }

    /** A list of entity tags, weak or strong, quoted or not (GenieACS sent them unquoted), or {@code *}. */
    static boolean matches(String etag, String header) {
        String bare = etag.replace("\"", "");
        for (String raw : header.split(",")) {
            String tag = raw.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            if (tag.equals("*") || tag.equals(bare)) {
                return true;
            }
        }
        return false;
    }
}
