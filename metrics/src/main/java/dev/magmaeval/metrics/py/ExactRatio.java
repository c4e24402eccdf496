package dev.magmaeval.metrics.py;

import java.math.BigInteger;

/** Correctly rounded (half-even) conversion of an exact rational to a double, as Python's int/int and Fraction. */
final class ExactRatio {
    private ExactRatio() {}

    static double toDouble(BigInteger num, BigInteger den) {
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        if (num.signum() == 0) {
            return 0.0;
        }
        boolean negative = num.signum() < 0;
        BigInteger a = num.abs();
        // scale so that the quotient has at least 55 bits: q = floor(a * 2^shift / den)
        int shift = 55 - (a.bitLength() - den.bitLength());
        BigInteger scaledA = shift >= 0 ? a.shiftLeft(shift) : a;
        BigInteger scaledD = shift >= 0 ? den : den.shiftLeft(-shift);
        BigInteger[] qr = scaledA.divideAndRemainder(scaledD);
        BigInteger q = qr[0];
        boolean sticky = qr[1].signum() != 0;
        // value = (q + frac) * 2^-shift, q has 55 or 56 bits; keep 53 significant bits (fewer if subnormal)
        int qBits = q.bitLength();
        int exponent = qBits - 1 - shift; // value in [2^exponent, 2^(exponent+1))
        int keep = 53;
        if (exponent < -1022) {
            keep = 53 - (-1022 - exponent);
        }
        if (keep <= 0) {
            keep = 0;
        }
        int drop = qBits - keep;
        BigInteger mant = q.shiftRight(drop);
        boolean half = q.testBit(drop - 1);
        boolean rest = sticky || q.getLowestSetBit() < drop - 1;
        if (half && (rest || mant.testBit(0))) {
            mant = mant.add(BigInteger.ONE);
        }
        double r = Math.scalb(mant.doubleValue(), drop - shift); // exact: mant has at most 54 bits
        return negative ? -r : r;
    }
}
