package dev.parley.conversation.shared.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.transaction.CannotCreateTransactionException;

class FrameworkProblemsTest {

    /** The fault suite saw every send answered 500 without a code while PostgreSQL restarted. */
    @Test
    void anUnreachableDatabaseIsServiceUnavailableWithACodeAndARetryAfter() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/conversations/x/messages"));

        var response = new FrameworkProblems()
                .storeUnavailable(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection"), exchange).block();

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(((ProblemDetail) response.getBody()).getProperties()).containsEntry("code", "store.unavailable");
    }

    @Test
    void aTransactionThatCouldNotGetAConnectionIsServiceUnavailableToo() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/conversations/x/messages"));

        var response = new FrameworkProblems().storeUnavailable(
                new CannotCreateTransactionException("Could not open R2DBC Connection for transaction"), exchange).block();

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(((ProblemDetail) response.getBody()).getProperties()).containsEntry("code", "store.unavailable");
    }
}
