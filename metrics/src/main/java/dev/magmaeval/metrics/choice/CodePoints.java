package dev.magmaeval.metrics.choice;

/** Python str indexing over code points: {@code find}, {@code rfind}, {@code in}, {@code startswith}. */
final class CodePoints {
    private CodePoints() {}

    static int[] of(String s) {
        return s.codePoints().toArray();
    }

    static int find(int[] text, int[] needle, int from) {
        for (int i = Math.max(0, from); i + needle.length <= text.length; i++) {
            if (matchesAt(text, needle, i)) {
                return i;
            }
        }
        return -1;
    }

    static int rfind(int[] text, int[] needle) {
        for (int i = text.length - needle.length; i >= 0; i--) {
            if (matchesAt(text, needle, i)) {
                return i;
            }
        }
        return -1;
    }

    static boolean matchesAt(int[] text, int[] needle, int at) {
        if (at < 0 || at + needle.length > text.length) {
            return false;
        }
        for (int j = 0; j < needle.length; j++) {
            if (text[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
