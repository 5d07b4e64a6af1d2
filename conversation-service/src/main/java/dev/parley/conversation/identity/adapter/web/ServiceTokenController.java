package dev.parley.conversation.identity.adapter.web;

import dev.parley.conversation.identity.application.IssuingServiceToken;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/v1/auth/service-token}: the gateway and the worker trade their client id
 * and secret ({@code parley.identity.services.<id>.secret}) for a SERVICE token.
 */
@RestController
public class ServiceTokenController {

    private static final Map<String, HttpStatus> STATUSES = Map.of(IssuingServiceToken.INVALID_CLIENT, HttpStatus.UNAUTHORIZED);

    private final IssuingServiceToken issuing;
    private final Clock clock;

    public ServiceTokenController(IssuingServiceToken issuing, Clock clock) {
        this.issuing = issuing;
        this.clock = clock;
    }

    public record ServiceTokenRequest(String clientId, String clientSecret) {
    }

    @PostMapping("/internal/v1/auth/service-token")
    public Mono<ResponseEntity<TokenResponse>> issue(@RequestBody ServiceTokenRequest body) {
        return issuing.issue(body.clientId(), body.clientSecret())
                .flatMap(outcome -> Outcomes.valueOf(outcome, STATUSES))
                .map(token -> AuthController.noStore(TokenResponse.of(token, clock)));
    }
}
