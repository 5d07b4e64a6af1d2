package dev.parley.conversation.attachments.adapter.blob;

import java.util.regex.Pattern;

/** The shape every blob key has, so no key can climb out of a directory or a bucket prefix. */
public final class BlobKeys {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

    private BlobKeys() {
    }

    public static String checked(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return key;
    }
}
