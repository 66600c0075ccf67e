package org.cwmpacs.soap;

/**
 * Bounds on what one CWMP body may cost to decode; a body beyond any of them is refused with a
 * {@link CwmpDecodeException} that names the limit.
 *
 * @param maxBodyBytes the largest body accepted (GetParameterNames answers of big CPEs reach megabytes)
 * @param maxDepth the deepest element nesting accepted (a CWMP envelope needs about 8)
 * @param maxElements the most elements accepted in one body
 * @param maxAttributes the most attributes and namespace declarations on one element (real envelopes carry
 *     under 10; the parser's cost grows with their square)
 */
public record DecodeLimits(int maxBodyBytes, int maxDepth, int maxElements, int maxAttributes) {
    /** Attributes and namespace declarations per element by default. */
    public static final int DEFAULT_MAX_ATTRIBUTES = 64;
    /** 32 MiB, depth 64, 2,000,000 elements, 64 attributes per element. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(32 * 1024 * 1024, 64, 2_000_000);

    public DecodeLimits {
        if (maxBodyBytes < 1 || maxDepth < 4 || maxElements < 4 || maxAttributes < 8) {
            throw new IllegalArgumentException("limits too small to read any CWMP envelope: " + maxBodyBytes
                    + " bytes, depth " + maxDepth + ", " + maxElements + " elements, " + maxAttributes
                    + " attributes per element");
        }
    }

    public DecodeLimits(int maxBodyBytes, int maxDepth, int maxElements) {
        this(maxBodyBytes, maxDepth, maxElements, DEFAULT_MAX_ATTRIBUTES);
    }
}
