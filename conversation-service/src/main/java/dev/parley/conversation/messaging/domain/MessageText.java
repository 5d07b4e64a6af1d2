package dev.parley.conversation.messaging.domain;

import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;

/**
 * The rules for a message body. Length counts Unicode code points, so an emoji counts once and a
 * limit means the same in every client; text that is not valid Unicode (an unpaired surrogate) or
 * holds NUL (PostgreSQL's text cannot store it) is refused rather than silently altered.
 */
public final class MessageText {

    public static final String EMPTY = "message.empty";
    public static final String TOO_LONG = "message.too_long";
    public static final String INVALID = "message.invalid_text";

    private final int maxCodePoints;

    public MessageText(int maxCodePoints) {
        this.maxCodePoints = maxCodePoints;
    }

    /** The body to store (unchanged), or why it cannot be a message. */
    public Outcome<String> check(String body) {
        if (body == null || body.isBlank()) {
            return Outcome.rejected(Rejection.invalid(EMPTY, "body", "a message needs some text"));
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\u0000') {
                return Outcome.rejected(Rejection.invalid(INVALID, "body", "the text contains a NUL character"));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < body.length() && Character.isLowSurrogate(body.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Outcome.rejected(Rejection.invalid(INVALID, "body", "the text is not valid Unicode"));
            }
            if (Character.isLowSurrogate(c)) {
                return Outcome.rejected(Rejection.invalid(INVALID, "body", "the text is not valid Unicode"));
            }
        }
        int length = body.codePointCount(0, body.length());
        if (length > maxCodePoints) {
            return Outcome.rejected(Rejection.invalid(TOO_LONG, "body",
                    "a message holds at most " + maxCodePoints + " characters, this one has " + length));
        }
        return Outcome.accepted(body);
    }
}
