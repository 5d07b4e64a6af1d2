package dev.parley.conversation.identity.adapter.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.parley.conversation.identity.application.SigningKeyStore;
import dev.parley.conversation.identity.application.SigningKeyStore.StoredKey;
import dev.parley.conversation.identity.domain.SigningKeyPolicy;
import dev.parley.conversation.identity.domain.SigningKeyPolicy.KeyAge;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * This instance's view of the signing keys in the {@link SigningKeyStore}: it signs with the
 * newest, verifies with any, and re-reads the store every {@code refreshInterval} and whenever a
 * token names a key it does not know (at most once per {@code missBackoff}, so tokens with made-up
 * key ids cannot hammer the database). A reload also creates the next key when rotation is due
 * and removes keys no valid token can need any more.
 */
public final class SigningKeyRing {

    /** RSA 2048 with RS256: what every JWT library and API gateway verifies out of the box. */
    static final int RSA_BITS = 2048;
    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);

    private final SigningKeyStore store;
    private final KeySealer sealer;
    private final SigningKeyPolicy policy;
    private final Duration refreshInterval;
    private final Duration missBackoff;
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.NONE);
    private final AtomicReference<Instant> lastMissReload = new AtomicReference<>(Instant.MIN);
    /** The reload under way, shared by every request that finds the keys stale meanwhile. */
    private final AtomicReference<Mono<Snapshot>> reloading = new AtomicReference<>();

    SigningKeyRing(SigningKeyStore store, KeySealer sealer, SigningKeyPolicy policy,
                   Duration refreshInterval, Duration missBackoff, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.policy = policy;
        this.refreshInterval = refreshInterval;
        this.missBackoff = missBackoff;
        this.clock = clock;
    }

    public static SigningKeyRing create(SigningKeyStore store, String encryptionSecret, SigningKeyPolicy policy,
                                        Duration refreshInterval, Duration missBackoff, Clock clock) {
        KeySealer sealer = KeySealer.withSecret(encryptionSecret);
        if (!sealer.encrypts()) {
            log.warn("Signing keys are stored unencrypted; set parley.identity.signing-keys.encryption-secret to seal them");
        }
        return new SigningKeyRing(store, sealer, policy, refreshInterval, missBackoff, clock);
    }

    /** The keys as last loaded, newest first, and when. */
    record Snapshot(List<RSAKey> keys, Instant loadedAt) {
        static final Snapshot NONE = new Snapshot(List.of(), Instant.MIN);
    }

    /** The key new tokens are signed with: the newest. */
    public Mono<RSAKey> signingKey() {
        return current().map(snapshot -> snapshot.keys().get(0));
    }

    /** The public halves of every current key, as {@code /.well-known/jwks.json} serves them. */
    public Mono<JWKSet> publicKeys() {
        return current().map(snapshot -> new JWKSet(List.copyOf(snapshot.keys())).toPublicJWKSet());
    }

    /** The key with this id, reloading once if it is unknown (another instance may have just made it). */
    public Mono<RSAKey> verificationKey(String kid) {
        return current().flatMap(snapshot -> Mono.justOrEmpty(find(snapshot, kid))
                .switchIfEmpty(Mono.defer(() -> reloadAfterMiss().flatMap(reloaded -> Mono.justOrEmpty(find(reloaded, kid))))));
    }

    /** Reads the store now, creating or retiring keys as the policy says. Called at startup. */
    public Mono<Snapshot> reload() {
        return Mono.defer(() -> {
            Mono<Snapshot> running = reloading.get();
            if (running != null) {
                return running;
            }
            // Cleared before the result reaches anyone (cache() passes it on at onNext, before
            // doFinally runs): a reload asked for after this one ended must read the store again.
            Mono<Snapshot> load = load()
                    .doOnSuccess(loaded -> reloading.set(null))
                    .doOnError(failed -> reloading.set(null))
                    .cache();
            return reloading.compareAndSet(null, load) ? load : reload();
        });
    }

    private Mono<Snapshot> load() {
        return store.findAll().collectList()
                .flatMap(this::rotateIfDue)
                .flatMap(this::retireOld)
                .map(stored -> new Snapshot(stored.stream().map(this::open).toList(), clock.instant()))
                .doOnNext(snapshot::set);
    }

    private Mono<Snapshot> current() {
        Snapshot loaded = snapshot.get();
        boolean stale = loaded.keys().isEmpty() || !loaded.loadedAt().plus(refreshInterval).isAfter(clock.instant());
        return stale ? reload() : Mono.just(loaded);
    }

    private Mono<Snapshot> reloadAfterMiss() {
        Instant now = clock.instant();
        Instant last = lastMissReload.get();
        if (last.plus(missBackoff).isAfter(now) || !lastMissReload.compareAndSet(last, now)) {
            return Mono.just(snapshot.get());
        }
        return reload();
    }

    private Mono<List<StoredKey>> rotateIfDue(List<StoredKey> stored) {
        Instant now = clock.instant();
        if (!policy.rotationDue(ages(stored), now)) {
            return Mono.just(stored);
        }
        return Mono.fromCallable(() -> generate(now))
                .subscribeOn(Schedulers.boundedElastic()) // RSA key generation takes a while of CPU
                .flatMap(key -> store.insertUnlessNewerExists(key, now.minus(policy.rotateAfter()))
                        .doOnNext(inserted -> {
                            if (inserted) {
                                log.info("Created signing key {}", key.kid());
                            }
                        }))
                .then(store.findAll().collectList());
    }

    private Mono<List<StoredKey>> retireOld(List<StoredKey> stored) {
        List<String> retired = policy.retired(ages(stored), clock.instant()).stream().map(KeyAge::kid).toList();
        if (retired.isEmpty()) {
            return Mono.just(stored);
        }
        log.info("Retiring signing keys {}: every token they signed has expired", retired);
        return store.delete(retired)
                .thenReturn(stored.stream().filter(key -> !retired.contains(key.kid())).toList());
    }

    private StoredKey generate(Instant now) throws JOSEException {
        RSAKey key = new RSAKeyGenerator(RSA_BITS)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint(true)
                .generate();
        byte[] json = key.toJSONString().getBytes(StandardCharsets.UTF_8);
        return new StoredKey(key.getKeyID(), sealer.seal(key.getKeyID(), json), sealer.encrypts(), now);
    }

    private RSAKey open(StoredKey stored) {
        byte[] json = sealer.open(stored.kid(), stored.material(), stored.encrypted());
        try {
            return RSAKey.parse(new String(json, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("Signing key " + stored.kid() + " is not a valid RSA JWK", e);
        }
    }

    private static List<KeyAge> ages(List<StoredKey> stored) {
        return stored.stream().map(key -> new KeyAge(key.kid(), key.createdAt())).toList();
    }

    private static Optional<RSAKey> find(Snapshot snapshot, String kid) {
        return snapshot.keys().stream().filter(key -> key.getKeyID().equals(kid)).findFirst();
    }
}
