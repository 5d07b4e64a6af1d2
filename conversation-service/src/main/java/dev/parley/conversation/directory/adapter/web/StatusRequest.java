package dev.parley.conversation.directory.adapter.web;

import dev.parley.conversation.directory.domain.AgentStatus;
import dev.parley.conversation.shared.adapter.web.ProblemException;
import dev.parley.conversation.shared.domain.Rejection;
import org.springframework.http.HttpStatus;

/** {@code {"status": "ONLINE"}}: an agent status as clients send it, case-insensitive. */
public record StatusRequest(String status) {

    /** @throws ProblemException 400 {@code agent.invalid_status} naming the allowed values */
    public AgentStatus parsed() {
        try {
            return AgentStatus.valueOf(String.valueOf(status).toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, Rejection.invalid("agent.invalid_status", "status",
                    "status is ONLINE, AWAY, BUSY or OFFLINE"));
        }
    }
}
