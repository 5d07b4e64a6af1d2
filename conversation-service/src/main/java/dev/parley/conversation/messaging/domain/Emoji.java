package dev.parley.conversation.messaging.domain;

import dev.parley.conversation.shared.domain.Rejection;
import java.util.Optional;

/**
 * What may be a reaction: one short grapheme-like token without spaces. Sixteen code points fit
 * the longest emoji ZWJ sequences (a family is seven) with room for skin tones.
 */
public final class Emoji {

    public static final String INVALID = "reaction.invalid_emoji";
    private static final int MAX_CODE_POINTS = 16;

    private Emoji() {
    }

    public static Optional<Rejection> check(String emoji) {
        if (emoji == null || emoji.isBlank() || emoji.codePoints().anyMatch(Character::isWhitespace)
                || emoji.codePointCount(0, emoji.length()) > MAX_CODE_POINTS
                || emoji.chars().anyMatch(c -> Character.isSurrogate((char) c)) && !validSurrogates(emoji)) {
            return Optional.of(Rejection.invalid(INVALID, "emoji", "a reaction is one emoji"));
        }
        return Optional.empty();
    }

    private static boolean validSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
