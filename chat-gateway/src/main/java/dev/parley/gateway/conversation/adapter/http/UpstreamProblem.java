package dev.parley.gateway.conversation.adapter.http;

/**
 * conversation-service refused a call (an RFC 9457 problem) or could not be reached; {@code code}
 * is the problem's stable code, passed through to the client unchanged.
 */
public final class UpstreamProblem extends RuntimeException {

    /** The code when conversation-service could not be reached or answered garbage. */
    public static final String UNAVAILABLE = "upstream.unavailable";

    private final int status;
    private final String code;

    public UpstreamProblem(int status, String code, String message) {
        super(message);
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
