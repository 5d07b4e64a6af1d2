package dev.parley.conversation.identity.adapter.jwt;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.TokenRole;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/** Reads the {@link Caller} out of a verified Parley token. */
final class ClaimsToCaller {

    private ClaimsToCaller() {
    }

    /** @throws BadJwtException if the claims do not make a caller (a token we would never issue) */
    static Caller callerOf(Jwt jwt) {
        String subject = required(jwt, JwtClaimNames.SUB);
        return switch (role(jwt)) {
            case CUSTOMER -> new Caller.Customer(uuid(subject), uuid(required(jwt, ParleyClaims.INBOX)));
            case AGENT -> new Caller.Agent(uuid(subject), Caller.AgentRole.AGENT);
            case ADMIN -> new Caller.Agent(uuid(subject), Caller.AgentRole.ADMIN);
            case SERVICE -> new Caller.Service(subject);
        };
    }

    private static TokenRole role(Jwt jwt) {
        try {
            return TokenRole.valueOf(required(jwt, ParleyClaims.ROLE));
        } catch (IllegalArgumentException e) {
            throw new BadJwtException("Unknown role in token", e);
        }
    }

    private static String required(Jwt jwt, String claim) {
        String value = jwt.getClaimAsString(claim);
        if (value == null || value.isEmpty()) {
            throw new BadJwtException("Token lacks the " + claim + " claim");
        }
        return value;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new BadJwtException("Token names no valid id", e);
        }
    }
}
