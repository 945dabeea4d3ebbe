package org.licensecentral.activation.licenses;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A product version: one to four dot-separated numbers of at most six digits (5.3.1), compared
 * number by number, so 5.10 is newer than 5.2 and 5.2 equals 5.2.0. The digit bound keeps every
 * part an int: a longer one is not a version, not an overflow.
 */
public record ProductVersion(int[] parts) implements Comparable<ProductVersion> {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,6}){0,3}");

    public static ProductVersion parse(String text) {
        if (text == null || !FORMAT.matcher(text.trim()).matches()) {
            throw new InvalidVersionException(text);
        }
        return new ProductVersion(Arrays.stream(text.trim().split("\\."))
                .mapToInt(Integer::parseInt)
                .toArray());
    }

    @Override
    public int compareTo(ProductVersion other) {
        for (int i = 0; i < Math.max(parts.length, other.parts.length); i++) {
            int x = i < parts.length ? parts[i] : 0;
            int y = i < other.parts.length ? other.parts[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProductVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        int[] trimmed = parts;
        int length = trimmed.length;
        while (length > 1 && trimmed[length - 1] == 0) {
            length--;
        }
        return Arrays.hashCode(Arrays.copyOf(trimmed, length));
    }

    @Override
    public String toString() {
        return String.join(".", Arrays.stream(parts).mapToObj(Integer::toString).toList());
    }
}
