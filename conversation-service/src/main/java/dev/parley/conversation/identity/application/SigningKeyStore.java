package dev.parley.conversation.identity.application;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where every instance of this service finds the keys it signs tokens with, so that any instance
 * verifies what any other signed, and the JWKS lists the same keys everywhere.
 */
public interface SigningKeyStore {

    /**
     * A signing key as stored.
     *
     * @param material  the private key (a JWK, JSON in UTF-8), sealed when {@code encrypted}
     * @param encrypted whether {@code material} is sealed with the configured key-encryption secret
     */
    record StoredKey(String kid, byte[] material, boolean encrypted, Instant createdAt) {
        public StoredKey {
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(material, "material");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    Flux<StoredKey> findAll();

    /**
     * Inserts {@code key} unless a key created after {@code unlessNewerThan} exists. Serialized
     * across instances, so instances that start (or rotate) together add one key, not one each.
     *
     * @return whether {@code key} was inserted
     */
    Mono<Boolean> insertUnlessNewerExists(StoredKey key, Instant unlessNewerThan);

    Mono<Void> delete(Collection<String> kids);
}
