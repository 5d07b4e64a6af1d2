package dev.parley.conversation.identity.config;

import dev.parley.events.spring.EngineProperties.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * The secrets a cluster refuses to start without. On the memory engine (one process on a
 * developer's machine: standalone, tests) they may be missing; in a cluster a missing one is a
 * silent fault in production, so the start fails naming the setting:
 * <ul>
 *   <li>{@code parley.identity.services.chat-gateway.secret}: without it the gateways cannot get
 *       the SERVICE token that reports agents without sockets OFFLINE, and an agent who closed the
 *       console stays ONLINE, and assigned, forever (issue 15, 8a);</li>
 *   <li>{@code parley.identity.signing-keys.encryption-secret}: without it the private signing keys
 *       lie in the database in the clear, and a copy of a backup can sign any token.</li>
 * </ul>
 */
final class ClusterSecrets {

    /** The gateway's client id, its {@code parley.gateway.presence.client-id} by default. */
    static final String PRESENCE_CLIENT = "chat-gateway";
    static final String PRESENCE_SETTING = "parley.identity.services." + PRESENCE_CLIENT + ".secret";
    static final String ENCRYPTION_SETTING = "parley.identity.signing-keys.encryption-secret";

    private ClusterSecrets() {
    }

    /** Throws, naming every missing setting, when the engine is a cluster's and a secret is missing. */
    static void require(Engine engine, IdentityProperties properties) {
        List<String> missing = missing(engine, properties);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("A cluster (parley.engine=cluster) does not start without "
                    + String.join(" and ", missing) + " (docs/operations.md#required-in-a-cluster)");
        }
    }

    static List<String> missing(Engine engine, IdentityProperties properties) {
        List<String> missing = new ArrayList<>();
        if (engine != Engine.CLUSTER) {
            return missing;
        }
        var presence = properties.services().get(PRESENCE_CLIENT);
        if (presence == null || presence.secret() == null || presence.secret().isBlank()) {
            missing.add(PRESENCE_SETTING + " (the gateways report agents without sockets OFFLINE with it)");
        }
        if (properties.signingKeys().encryptionSecret().isBlank()) {
            missing.add(ENCRYPTION_SETTING + " (it seals the private signing keys in the database)");
        }
        return missing;
    }
}
