package dev.parley.conversation.identity.adapter.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import dev.parley.conversation.identity.adapter.r2dbc.R2dbcSigningKeyStore;
import dev.parley.conversation.identity.application.SigningKeyStore;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.SigningKeyPolicy;
import dev.parley.conversation.identity.domain.TokenLifetimes;
import dev.parley.testsupport.MovableClock;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Several instances of the service share their signing keys through one real PostgreSQL: each
 * instance here is a {@link SigningKeyRing} of its own over the same database, as in production.
 */
@RealInfrastructure
class SigningKeysIT {

    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
    private static final Duration ROTATE_AFTER = Duration.ofDays(1);
    private static final Duration RETENTION = Duration.ofDays(2);
    /** Long, so instances re-read the keys only when told to or when a token names an unknown key. */
    private static final Duration REFRESH_INTERVAL = Duration.ofDays(365);
    private static final Duration MISS_BACKOFF = Duration.ofSeconds(10);
    private static final String SECRET = "a-key-encryption-secret-of-32-characters";

    private static TestDatabase database;
    private static ConnectionFactory connections;

    private final MovableClock clock = new MovableClock(T0);

    @BeforeAll
    static void migrate(TestDatabase testDatabase) {
        database = testDatabase;
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration").load().migrate();
        connections = ConnectionFactories.get(ConnectionFactoryOptions.parse(database.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, database.username())
                .option(ConnectionFactoryOptions.PASSWORD, database.password())
                .build());
    }

    @BeforeEach
    void noKeysYet() throws SQLException {
        try (var connection = database.openConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM signing_key");
        }
    }

    @Test
    void theFirstInstanceCreatesTheKeyAndTheOthersLoadIt() {
        String first = instance("").reload().block().keys().get(0).getKeyID();
        String second = instance("").reload().block().keys().get(0).getKeyID();

        assertThat(second).isEqualTo(first);
        assertThat(storedKids()).containsExactly(first);
    }

    @Test
    void instancesStartingTogetherCreateOneKeyBetweenThem() {
        List<String> kids = Flux.range(0, 4)
                .flatMap(i -> instance("").reload())
                .map(snapshot -> snapshot.keys().get(0).getKeyID())
                .collectList().block();

        assertThat(storedKids()).hasSize(1);
        assertThat(kids).containsOnly(storedKids().get(0));
    }

    @Test
    void aTokenSignedWithAKeyAnotherInstanceJustMadeVerifiesEverywhere() {
        SigningKeyRing a = instance("");
        SigningKeyRing b = instance("");
        a.reload().block();
        b.reload().block();
        clock.advance(ROTATE_AFTER.plusSeconds(1));
        a.reload().block(); // rotation due: A makes the second key and signs with it

        String token = issuer(a).issue(new Caller.Service("gateway")).block().value();

        assertThat(storedKids()).hasSize(2);
        assertThat(decoder(b).decode(token).block().getSubject()).isEqualTo("gateway");
    }

    @Test
    void tokensNamingUnknownKeysReReadTheStoreAtMostOncePerBackoff() {
        var store = new CountingStore(store());
        SigningKeyRing ring = SigningKeyRing.create(store, "", policy(), REFRESH_INTERVAL, MISS_BACKOFF, clock);
        ring.reload().block();
        int readsAfterStart = store.reads.get();

        for (int i = 0; i < 5; i++) {
            assertThat(ring.verificationKey("made-up-" + i).blockOptional()).isEmpty();
        }
        assertThat(store.reads.get()).isEqualTo(readsAfterStart + 1);

        clock.advance(MISS_BACKOFF);
        ring.verificationKey("made-up-again").blockOptional();
        assertThat(store.reads.get()).isEqualTo(readsAfterStart + 2);
    }

    /**
     * Regression: the shared in-flight reload was forgotten only after its result had reached the
     * callers, so a reload asked for right after another could get the previous result, and an
     * instance would miss a key that had just been created or removed.
     */
    @Test
    void aReloadAskedForRightAfterAnotherReadsTheStoreAgain() {
        var store = new CountingStore(store());
        SigningKeyRing ring = SigningKeyRing.create(store, "", policy(), REFRESH_INTERVAL, MISS_BACKOFF, clock);
        ring.reload().block();
        int readsAfterStart = store.reads.get();

        for (int i = 0; i < 50; i++) {
            ring.reload().block();
        }

        assertThat(store.reads.get()).isEqualTo(readsAfterStart + 50);
    }

    @Test
    void anOldKeyStaysPublishedUntilItsTokensHaveExpiredThenIsRemoved() {
        SigningKeyRing ring = instance("");
        String first = ring.reload().block().keys().get(0).getKeyID();
        clock.advance(ROTATE_AFTER);
        String second = ring.reload().block().keys().get(0).getKeyID();

        assertThat(publishedKids(ring)).containsExactlyInAnyOrder(first, second);

        clock.advance(RETENTION.minusSeconds(1));
        assertThat(ring.reload().block().keys()).extracting(JWK::getKeyID).contains(first);

        clock.advance(Duration.ofSeconds(1));
        ring.reload().block();
        assertThat(publishedKids(ring)).doesNotContain(first).contains(second);
        assertThat(storedKids()).doesNotContain(first);
    }

    @Test
    void withASecretPrivateKeysAreStoredSealedAndOpenOnlyWithThatSecret() throws SQLException {
        String kid = instance(SECRET).reload().block().keys().get(0).getKeyID();

        try (var connection = database.openConnection(); var statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT material, encrypted FROM signing_key")) {
            row.next();
            assertThat(row.getBoolean("encrypted")).isTrue();
            assertThat(new String(row.getBytes("material"), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("\"d\"");
        }
        assertThat(instance(SECRET).reload().block().keys().get(0).getKeyID()).isEqualTo(kid);
        assertThatThrownBy(() -> instance("").reload().block()).hasMessageContaining("encryption-secret");
        assertThatThrownBy(() -> instance("another-secret-of-at-least-32-chars!").reload().block())
                .hasMessageContaining("does not open");
    }

    @Test
    void theJwksListsPublicKeysOnly() {
        SigningKeyRing ring = instance("");
        ring.reload().block();

        assertThat(ring.publicKeys().block().getKeys()).isNotEmpty().allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    private SigningKeyRing instance(String encryptionSecret) {
        return SigningKeyRing.create(store(), encryptionSecret, policy(), REFRESH_INTERVAL, MISS_BACKOFF, clock);
    }

    private static SigningKeyStore store() {
        return new R2dbcSigningKeyStore(DatabaseClient.create(connections),
                TransactionalOperator.create(new R2dbcTransactionManager(connections)));
    }

    private static SigningKeyPolicy policy() {
        return new SigningKeyPolicy(ROTATE_AFTER, RETENTION);
    }

    private NimbusTokenIssuer issuer(SigningKeyRing ring) {
        var lifetimes = new TokenLifetimes(Duration.ofDays(30), Duration.ofMinutes(15), Duration.ofMinutes(10));
        return new NimbusTokenIssuer(ring, lifetimes, "parley", "parley", clock);
    }

    private ReactiveJwtDecoder decoder(SigningKeyRing ring) {
        return TokenDecoders.ownTokens(ring, "parley", "parley", clock, Duration.ofSeconds(30));
    }

    private static List<String> publishedKids(SigningKeyRing ring) {
        return ring.publicKeys().block().getKeys().stream().map(JWK::getKeyID).toList();
    }

    private static List<String> storedKids() {
        try (var connection = database.openConnection(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT kid FROM signing_key ORDER BY created_at")) {
            List<String> kids = new ArrayList<>();
            while (rows.next()) {
                kids.add(rows.getString(1));
            }
            return kids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }


    /** The real store, counting how often the keys are read. */
    static final class CountingStore implements SigningKeyStore {
        final AtomicInteger reads = new AtomicInteger();
        private final SigningKeyStore store;

        CountingStore(SigningKeyStore store) {
            this.store = store;
        }

        @Override
        public Flux<StoredKey> findAll() {
            return store.findAll().doOnSubscribe(subscription -> reads.incrementAndGet());
        }

        @Override
        public Mono<Boolean> insertUnlessNewerExists(StoredKey key, Instant unlessNewerThan) {
            return store.insertUnlessNewerExists(key, unlessNewerThan);
        }

        @Override
        public Mono<Void> delete(Collection<String> kids) {
            return store.delete(kids);
        }
    }
}
