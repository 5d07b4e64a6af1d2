package dev.parley.conversation.attachments.domain;

/**
 * The name an upload is shown and downloaded under. Only the last path segment of what the client
 * sent is kept, control characters and the characters that break a {@code Content-Disposition}
 * header or a file system are replaced, and the length is bounded; the name is display only and
 * never used as a storage path.
 */
public final class FileName {

    /** Room for any real file name; bounds the column and the header. */
    public static final int MAX_LENGTH = 200;
    private static final String FALLBACK = "file";

    private FileName() {
    }

    public static String sanitise(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        var clean = new StringBuilder(name.length());
        name.codePoints().forEach(c -> clean.appendCodePoint(
                Character.isISOControl(c) || "\"<>:|?*;".indexOf(c) >= 0 ? '_' : c));
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.isBlank()) {
            return FALLBACK;
        }
        return result.codePointCount(0, result.length()) <= MAX_LENGTH
                ? result : result.substring(0, result.offsetByCodePoints(0, MAX_LENGTH));
    }
}
