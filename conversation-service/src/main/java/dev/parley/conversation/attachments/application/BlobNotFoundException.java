package dev.parley.conversation.attachments.application;

/** No blob under the key asked for. */
public final class BlobNotFoundException extends RuntimeException {

    public BlobNotFoundException(String key) {
        super("no blob under " + key);
    }
}
