package dev.magmaeval.metrics.py;

/** A Python {@code complex} value (only produced by {@link PyLiteral}; arithmetic is not modelled). */
public record PyComplex(double real, double imag) {
    /** {@code repr(z)}: {@code 2j}, {@code (1+2j)}, {@code (1.5-0.5j)}, {@code (-0-1j)}. */
    public String repr() {
        if (real == 0 && Math.copySign(1.0, real) > 0) {
            return part(imag) + "j";
        }
        String sign = Math.copySign(1.0, imag) < 0 ? "-" : "+";
        return "(" + part(real) + sign + part(Math.abs(imag)) + "j)";
    }

    // repr without the ".0" that float repr adds to integral values
    private static String part(double x) {
        String r = PyFloat.repr(x);
        return r.endsWith(".0") ? r.substring(0, r.length() - 2) : r;
    }
}
