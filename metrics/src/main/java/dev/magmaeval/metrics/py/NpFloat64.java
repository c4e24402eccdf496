package dev.magmaeval.metrics.py;

/**
 * A {@code numpy.float64} value. It is a separate type from {@link Double} (Python {@code float}) because CPython's
 * {@code sum()} adds numpy floats naively but exact floats with compensation, and {@code statistics.mean} keeps the
 * numpy type. Its {@code repr} is the Python float repr (numpy 1.x).
 */
public record NpFloat64(double value) {
    @Override
    public String toString() {
        return PyFloat.repr(value);
    }
}
