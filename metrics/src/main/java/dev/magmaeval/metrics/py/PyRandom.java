package dev.magmaeval.metrics.py;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * CPython's {@code random.Random}: MT19937 seeded from an int as {@code random_seed} in
 * {@code Modules/_randommodule.c} does (the absolute value split into 32-bit words, then {@code init_by_array}),
 * with {@code random()}, {@code getrandbits}, {@code choice} (via {@code _randbelow}) and {@code choices} (via
 * {@code floor(random() * n)}). Not thread-safe, like one Python RNG object.
 */
public final class PyRandom implements RandomChoice {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int index;

    /** {@code random.Random(seed)}. */
    public PyRandom(long seed) {
        this(BigInteger.valueOf(seed));
    }

    public PyRandom(BigInteger seed) {
        BigInteger n = seed.abs();
        int bits = n.bitLength();
        int keyUsed = bits == 0 ? 1 : (bits - 1) / 32 + 1;
        int[] key = new int[keyUsed];
        for (int i = 0; i < keyUsed; i++) {
            key[i] = n.shiftRight(32 * i).intValue();
        }
        initByArray(key);
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
        index = N;
    }

    private int nextWord() {
        if (index >= N) {
            int kk;
            for (kk = 0; kk < N - M; kk++) {
                int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            for (; kk < N - 1; kk++) {
                int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            int y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            index = 0;
        }
        int y = mt[index++];
        y ^= (y >>> 11);
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= (y >>> 18);
        return y;
    }

    /** {@code random()}: a 53-bit float in [0, 1). */
    public double random() {
        long a = (nextWord() & 0xffffffffL) >>> 5;
        long b = (nextWord() & 0xffffffffL) >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** {@code getrandbits(k)} for 0 <= k <= 32. */
    public long getrandbits(int k) {
        if (k < 0 || k > 32) {
            throw new IllegalArgumentException("getrandbits supports 0..32 bits here, got " + k);
        }
        if (k == 0) {
            return 0;
        }
        return (nextWord() & 0xffffffffL) >>> (32 - k);
    }

    /** {@code _randbelow(n)}: rejection sampling with {@code n.bit_length()} bits. */
    public int randbelow(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("randbelow needs n > 0, got " + n);
        }
        int k = 32 - Integer.numberOfLeadingZeros(n);
        long r = getrandbits(k);
        while (r >= n) {
            r = getrandbits(k);
        }
        return (int) r;
    }

    /** {@code choice(xs)}. */
    @Override
    public <T> T choice(List<T> xs) {
        if (xs.isEmpty()) {
            throw new IndexOutOfBoundsException("Cannot choose from an empty sequence");
        }
        return xs.get(randbelow(xs.size()));
    }

    /** {@code choices(xs, k=k)} without weights: {@code xs[floor(random() * len(xs))]}, k times. */
    public <T> List<T> choices(List<T> xs, int k) {
        double n = xs.size();
        List<T> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add(xs.get((int) Math.floor(random() * n)));
        }
        return out;
    }
}
