package org.cwmpacs.soap;

/**
 * Bounds on what one CWMP body may cost to decode; a body beyond any of them is refused with a
 * {@link CwmpDecodeException} that names the limit.
 *
 * @param maxBodyBytes the largest body accepted (GetParameterNames answers of big CPEs reach megabytes)
 * @param maxDepth the deepest element nesting accepted (a CWMP envelope needs about 8)
 * @param maxElements the most elements accepted in one body
 */
public record DecodeLimits(int maxBodyBytes, int maxDepth, int maxElements) {
    /** 32 MiB, depth 64, 2,000,000 elements. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(32 * 1024 * 1024, 64, 2_000_000);

    public DecodeLimits {
        if (maxBodyBytes < 1 || maxDepth < 4 || maxElements < 4) {
            throw new IllegalArgumentException("limits too small to read any CWMP envelope: " + maxBodyBytes
                    + " bytes, depth " + maxDepth + ", " + maxElements + " elements");
        }
    }
}
