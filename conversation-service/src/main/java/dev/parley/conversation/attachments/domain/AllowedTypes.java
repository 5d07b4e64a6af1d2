package dev.parley.conversation.attachments.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The media types an upload may have, matched exactly (no wildcards, no "sub-type of"): in the
 * type registry text/html is a kind of text/plain, so allowing text/plain by hierarchy would let
 * a page with scripts through. Matching is on the type detected from the content, never on what
 * the client declared.
 */
public final class AllowedTypes {

    private final Set<String> types;

    public AllowedTypes(Collection<String> types) {
        this.types = types.stream().map(AllowedTypes::normalise).collect(Collectors.toUnmodifiableSet());
    }

    public boolean allows(String contentType) {
        return contentType != null && types.contains(normalise(contentType));
    }

    /** {@code Image/PNG; charset=x} → {@code image/png}. */
    public static String normalise(String contentType) {
        int parameters = contentType.indexOf(';');
        String bare = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return bare.strip().toLowerCase(Locale.ROOT);
    }
}
