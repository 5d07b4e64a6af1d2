package dev.parley.conversation.identity.adapter.web;

import dev.parley.conversation.identity.adapter.jwt.SigningKeyRing;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /.well-known/jwks.json}: the public keys of every current signing key, for the gateway,
 * the worker and anyone else verifying Parley tokens locally.
 */
@RestController
public class JwksController {

    /**
     * Verifiers may cache the set this long. A new key is used as soon as it exists, so a verifier
     * must refetch when it meets an unknown {@code kid}, as Nimbus and Spring Security do.
     */
    static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private final SigningKeyRing keys;

    public JwksController(SigningKeyRing keys) {
        this.keys = keys;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> jwks() {
        return keys.publicKeys().map(set -> ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(CACHE_FOR).cachePublic())
                .body(set.toJSONObject()));
    }
}
