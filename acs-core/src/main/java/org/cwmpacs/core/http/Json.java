package org.cwmpacs.core.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON as GenieACS's NBI reads and writes it: plain JSON in, and out with dates as ISO-8601 UTC strings
 * with milliseconds (what JavaScript's {@code JSON.stringify} prints for a Date).
 */
public final class Json {
    /** A request's JSON that cannot be used; the message says why. */
    public static final class InvalidJson extends Exception {
        public InvalidJson(String message) {
            super(message);
        }
    }

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * Levels of nesting a request's JSON may have: far more than a preset, task or query needs, few enough
     * that no document built from it nears the store's nesting limit.
     */
    public static final int MAX_DEPTH = 32;

    private static final ObjectMapper MAPPER = new ObjectMapper(new com.fasterxml.jackson.core.JsonFactoryBuilder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH).build()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .registerModule(new SimpleModule()
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
                                throws IOException {
                            gen.writeString(iso(value));
                        }
                    })
                    .addSerializer(Pattern.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Pattern value, JsonGenerator gen, SerializerProvider provider)
                                throws IOException {
                            gen.writeString("/" + value.pattern() + "/");
                        }
                    }));

    private Json() {
    }

    public static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /** Any JSON value: maps, lists, strings, numbers (Integer, Long, Double, BigInteger), booleans, null. */
    public static Object parse(String text) throws InvalidJson {
        try {
            Object value = MAPPER.readValue(text, Object.class);
            refuseNulKeys(value);
            return value;
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new InvalidJson(e.getOriginalMessage().contains("nesting depth")
                    ? "the JSON is nested deeper than " + MAX_DEPTH + " levels, the NBI's limit"
                    : "the JSON exceeds a limit of the NBI: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidJson("invalid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at character " + (e.getLocation().getCharOffset() + 1) : ""));
        }
    }

    /** A NUL in a field name is no name MongoDB (or GenieACS) takes: refused here, with the path to it. */
    private static void refuseNulKeys(Object value) throws InvalidJson {
        if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (String.valueOf(e.getKey()).indexOf('\u0000') >= 0) {
                    throw new InvalidJson("invalid JSON: the field name \"" + String.valueOf(e.getKey()).replace("\u0000",
                            "\\u0000") + "\" contains a NUL character");
                }
                refuseNulKeys(e.getValue());
            }
        } else if (value instanceof List) {
            for (Object item : (List<?>) value) {
                refuseNulKeys(item);
            }
        }
    }

    /** A JSON object, else {@link InvalidJson} naming {@code what}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text, String what) throws InvalidJson {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new InvalidJson(what + " must be a JSON object such as {\"name\": ...}, not " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    /** A JSON array, else {@link InvalidJson} naming {@code what}. */
    @SuppressWarnings("unchecked")
    public static List<Object> parseArray(String text, String what) throws InvalidJson {
        Object value = parse(text);
        if (!(value instanceof List)) {
            throw new InvalidJson(what + " must be a JSON array, not " + describe(value));
        }
        return (List<Object>) value;
    }

    static String describe(Object value) {
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value == null) {
            return "null";
        }
        return "a " + (value instanceof Boolean ? "boolean" : "number");
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code {"error": message}}: the body of every 4xx this NBI adds to GenieACS's. */
    public static byte[] error(String message) {
        return write(Map.of("error", message));
    }
}
