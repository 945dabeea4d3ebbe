package org.licensecentral.deploy;

import java.util.regex.Pattern;

/** Image references: pinned means a tag other than latest, or a digest. */
final class Images {

    private static final Pattern DIGEST = Pattern.compile("^[^@]+@sha256:[0-9a-f]{64}$");
    /** A tag as the distribution spec allows it. */
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private Images() {}

    static boolean pinned(String image) {
        if (image == null) {
            return false;
        }
        if (DIGEST.matcher(image).matches()) {
            return true;
        }
        // The tag follows the last colon of the last path segment (a registry's port is before a slash).
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.lastIndexOf(':');
        return colon > 0 && pinnedTag(lastSegment.substring(colon + 1));
    }

    /** The tag of an image, or a kustomization's images entry's newTag. */
    static boolean pinnedTag(String tag) {
        return tag != null && TAG.matcher(tag).matches() && !"latest".equals(tag);
    }
}
