package dev.parley.conversation.identity.domain;

import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The other Parley services (gateway, worker) allowed to ask for a service token, by name and secret. */
public final class ServiceClients {

    /** Compared against when the client id is unknown, so both paths cost the same. */
    private static final byte[] NO_SECRET = digest("no such client");

    private final Map<String, byte[]> secretDigests;

    public ServiceClients(Map<String, String> secretsByName) {
        this.secretDigests = secretsByName.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> digest(entry.getValue())));
    }

    /**
     * The service this id and secret prove. Digests are compared in constant time; comparing
     * digests rather than the secrets also hides the secret's length.
     */
    public Optional<Caller.Service> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null) {
            return Optional.empty();
        }
        byte[] expected = secretDigests.getOrDefault(clientId, NO_SECRET);
        boolean matches = MessageDigest.isEqual(expected, digest(secret));
        return matches && secretDigests.containsKey(clientId) ? Optional.of(new Caller.Service(clientId)) : Optional.empty();
    }

    private static byte[] digest(String secret) {
        return RefreshTokenSecret.hashOf(secret);
    }
}
