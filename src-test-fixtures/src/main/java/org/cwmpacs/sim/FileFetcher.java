package org.cwmpacs.sim;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a CPE fetches the file a Download names: piece by piece with {@code Range} requests (as CPEs with
 * little memory, or resuming an interrupted transfer, do), answering a Digest or Basic challenge with the
 * Download's Username/Password. Only a digest of the contents is kept.
 */
public final class FileFetcher {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    /** A completed fetch: the bytes received, their SHA-256, and the status of every request made. */
    public record Fetched(String url, long length, String sha256, List<Integer> statuses) {
    }

    private FileFetcher() {
    }

    /**
     * @param pieceBytes the size of each range requested
     * @throws IOException if the server refuses, or the pieces do not add up to the file
     */
    public static Fetched fetch(HttpClient http, String url, String username, String password, long pieceBytes)
            throws IOException, InterruptedException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        URI uri = URI.create(url);
        List<Integer> statuses = new ArrayList<>();
        long offset = 0;
        long total = -1;
        Optional<String> authorization = Optional.empty();
        byte[] buffer = new byte[64 * 1024];
        while (total < 0 || offset < total) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
                    .header("Range", "bytes=" + offset + "-" + (offset + pieceBytes - 1));
            authorization.ifPresent(a -> request.header("Authorization", a));
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            statuses.add(response.statusCode());
            if (response.statusCode() == 401 && authorization.isEmpty() && !username.isEmpty()) {
                response.body().close();
                authorization = Optional.of(answer(response.headers().allValues("WWW-Authenticate"), username, password,
                        uri.getRawPath()));
                continue;
            }
            if (response.statusCode() != 206 && response.statusCode() != 200) {
                response.body().close();
                throw new IOException("GET " + url + " answered " + response.statusCode());
            }
            long expected;
            if (response.statusCode() == 206) {
                Matcher m = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                if (!m.matches() || Long.parseLong(m.group(1)) != offset) {
                    throw new IOException("206 without the range asked for: " + response.headers().map());
                }
                total = Long.parseLong(m.group(3));
                expected = Long.parseLong(m.group(2)) - offset + 1;
            } else {
                // the whole file: a server without ranges
                sha256.reset();
                offset = 0;
                total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                expected = total;
            }
            long got = 0;
            try (InputStream in = response.body()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha256.update(buffer, 0, n);
                    got += n;
                }
            }
            if (got != expected) {
                throw new IOException("expected " + expected + " bytes at " + offset + ", received " + got);
            }
            offset += got;
            if (total < 0) {
                total = offset;
            }
        }
        return new Fetched(url, offset, HexFormat.of().formatHex(sha256.digest()), List.copyOf(statuses));
    }

    private static String answer(List<String> challenges, String username, String password, String path) {
        for (String challenge : challenges) {
            if (challenge.regionMatches(true, 0, "Digest ", 0, 7)) {
                return Digest.authorization(challenge, username, password, "GET", path);
            }
        }
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
