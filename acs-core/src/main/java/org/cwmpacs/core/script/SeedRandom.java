package org.cwmpacs.core.script;

/**
 * The generator behind a provision script's {@code Math.random()}: David Bau's seedrandom (ARC4, the first
 * 256 outputs dropped), seeded with the device id as GenieACS seeds it, so that a migrated script computes
 * the same "random" values for the same device as it did under GenieACS. Not thread-safe: one per session.
 */
public final class SeedRandom {
    private static final int WIDTH = 256;
    private static final int MASK = 255;
    private static final int CHUNKS = 6;
    private static final double START_DENOM = Math.pow(2, 48);
    private static final double SIGNIFICANCE = Math.pow(2, 52);
    private static final double OVERFLOW = Math.pow(2, 53);

    private final int[] s = new int[WIDTH];
    private int i;
    private int j;

    public SeedRandom(String seed) {
        int[] key = new int[Math.min(WIDTH, Math.max(1, seed.length()))];
        int keyLength = mixKey(seed, key);
        for (int n = 0; n < WIDTH; n++) {
            s[n] = n;
        }
        int jj = 0;
        for (int n = 0; n < WIDTH; n++) {
            int t = s[n];
            jj = MASK & (jj + key[n % keyLength] + t);
            s[n] = s[jj];
            s[jj] = t;
        }
        // RC4-drop[256]
        next(WIDTH);
    }

    /** seedrandom's mixkey: the key bytes a text seed gives; returns the key's length. */
    private static int mixKey(String seed, int[] key) {
        if (seed.isEmpty()) {
            // an empty key is the one-byte key [0]
            return 1;
        }
        int smear = 0;
        for (int n = 0; n < seed.length(); n++) {
            smear ^= key[MASK & n] * 19;
            key[MASK & n] = MASK & (smear + seed.charAt(n));
        }
        return Math.min(WIDTH, seed.length());
    }

    /** {@code count} bytes of the ARC4 stream as one number. */
    private double next(int count) {
        double r = 0;
        int ii = i;
        int jj = j;
        while (count-- > 0) {
            ii = MASK & (ii + 1);
            int t = s[ii];
            jj = MASK & (jj + t);
            s[ii] = s[jj];
            s[jj] = t;
            r = r * WIDTH + s[MASK & (s[ii] + s[jj])];
        }
        i = ii;
        j = jj;
        return r;
    }

    /** The next value in [0, 1), with 52 bits of randomness, as seedrandom computes it. */
    public double nextDouble() {
        double n = next(CHUNKS);
        double d = START_DENOM;
        int x = 0;
        while (n < SIGNIFICANCE) {
            n = (n + x) * WIDTH;
            d *= WIDTH;
            x = (int) next(1);
        }
        while (n >= OVERFLOW) {
            n /= 2;
            d /= 2;
            x >>>= 1;
        }
        return (n + x) / d;
    }
}
