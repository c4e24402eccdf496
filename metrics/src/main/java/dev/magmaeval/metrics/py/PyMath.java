package dev.magmaeval.metrics.py;

/** Python {@code math} and float power operations on the value model. */
public final class PyMath {
    private PyMath() {}

    /** {@code x ** 2} for a Python number: int stays int, float and numpy float square their value. */
    public static Object square(Object x) {
        return PyOps.square(x);
    }

    /** {@code math.sqrt(x)}: a float; a negative argument raises ArithmeticException ("math domain error"). */
    public static double sqrt(Object x) {
        double d = PyOps.toDouble(x);
        if (d < 0) {
            throw new ArithmeticException("math domain error");
        }
        return Math.sqrt(d);
    }
}
