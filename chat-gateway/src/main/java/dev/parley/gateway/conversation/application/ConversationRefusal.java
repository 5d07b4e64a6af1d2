package dev.parley.gateway.conversation.application;

/**
 * conversation-service refused a command (an RFC 9457 problem) or could not be reached; {@code code}
 * is the problem's stable code, passed through to the client unchanged.
 */
public final class ConversationRefusal extends RuntimeException {

    /** The code when conversation-service could not be reached or answered garbage. */
    public static final String UNAVAILABLE = "upstream.unavailable";

    private final int status;
    private final String code;

    public ConversationRefusal(int status, String code, String message) {
        super(message, null, false, false); // an answer, not a failure: no stack trace to fill in
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
