package dev.parley.conversation.identity.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings of the conversation service, under {@code parley.identity}.
 *
 * @param issuer         the {@code iss} of the tokens this service signs; every verifier (gateway,
 *                       worker) must be configured with the same value
 * @param audience       the {@code aud} of our tokens: the Parley services that accept them
 * @param tokens         how long tokens live
 * @param signingKeys    how the shared signing keys are kept and rotated
 * @param passwords      how agents' passwords are hashed
 * @param login          brute-force protection of the login endpoint
 * @param widgetSessions flood protection of the widget's session endpoint
 * @param bootstrapAdmin the first admin, created at startup when no admin exists
 * @param oidc           an OpenID Connect provider agents may sign in at, or whose tokens they may use
 *                       instead of logging in
 * @param services       the services (gateway, worker) that may get SERVICE tokens, by client id
 */
@ConfigurationProperties("parley.identity")
public record IdentityProperties(
        @DefaultValue("parley") String issuer,
        @DefaultValue("parley") String audience,
        @DefaultValue Tokens tokens,
        @DefaultValue SigningKeys signingKeys,
        @DefaultValue Passwords passwords,
        @DefaultValue Login login,
        @DefaultValue WidgetSessions widgetSessions,
        @DefaultValue BootstrapAdmin bootstrapAdmin,
        @DefaultValue Oidc oidc,
        Map<String, ServiceClient> services) {

    public IdentityProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /**
     * @param visitor   a customer's token: the widget keeps it in the browser and a return visit
     *                  within this time finds the same customer and conversations
     * @param agent     an agent's access token; short, because it cannot be revoked before it
     *                  expires (refresh tokens can)
     * @param service   a SERVICE token of the gateway or worker, which fetch a new one before expiry
     * @param refresh   an agent's refresh token: each refresh starts the period again, so an agent
     *                  idle for longer logs in again
     * @param clockSkew tolerance on {@code exp} and {@code nbf} for clocks of different machines
     */
    public record Tokens(
            @DefaultValue("30d") Duration visitor,
            @DefaultValue("15m") Duration agent,
            @DefaultValue("10m") Duration service,
            @DefaultValue("14d") Duration refresh,
            @DefaultValue("30s") Duration clockSkew) {
    }

    /**
     * @param encryptionSecret seals private keys in the database (AES-256-GCM); at least 32 random
     *                         characters. Empty: keys are stored unencrypted and a warning is logged;
     *                         a cluster ({@code parley.engine=cluster}) refuses to start
     * @param rotateAfter      age at which a new signing key replaces the newest; old keys stay
     *                         published until the tokens they signed have expired
     * @param refreshInterval  how often an instance re-reads the keys, to pick up one another
     *                         instance created (a token naming an unknown key triggers a read too)
     * @param missBackoff      least time between re-reads caused by tokens naming unknown keys, so
     *                         forged key ids cannot flood the database
     */
    public record SigningKeys(
            @DefaultValue("") String encryptionSecret,
            @DefaultValue("30d") Duration rotateAfter,
            @DefaultValue("5m") Duration refreshInterval,
            @DefaultValue("10s") Duration missBackoff) {
    }

    /**
     * @param bcryptStrength BCrypt's cost: 2^strength rounds. 10 takes roughly 50-100 ms on a server
     *                       core, slow for a guesser, bearable for a login; each step doubles it
     */
    public record Passwords(@DefaultValue("10") int bcryptStrength) {
    }

    /**
     * @param perEmail  attempts on one account: a handful, then one more every few minutes
     * @param perClient attempts from one address, on any accounts: more, for offices behind one NAT
     */
    public record Login(@DefaultValue PerEmail perEmail, @DefaultValue PerClient perClient) {
    }

    /**
     * @param attempts failed attempts a full budget allows in a row
     * @param period   how long an exhausted budget takes to refill completely (it refills steadily:
     *                 by default one attempt every 3 minutes)
     */
    public record PerEmail(@DefaultValue("5") int attempts, @DefaultValue("15m") Duration period) {
    }

    /**
     * @param attempts failed attempts from one address a full budget allows in a row
     * @param period   how long an exhausted budget takes to refill completely (it refills steadily)
     */
    public record PerClient(@DefaultValue("30") int attempts, @DefaultValue("15m") Duration period) {
    }

    /** @param perClient sessions one client address may start */
    public record WidgetSessions(@DefaultValue SessionsPerClient perClient) {
    }

    /**
     * Every page view with the widget starts a session (a returning visitor's too), so the budget
     * is that of an office browsing behind one NAT address, while a script is held to one a second.
     *
     * @param attempts sessions from one address a full budget allows in a row; over it: 429
     *                 {@code widget.rate_limited} with Retry-After
     * @param period   how long an exhausted budget takes to refill completely (it refills steadily)
     */
    public record SessionsPerClient(@DefaultValue("60") int attempts, @DefaultValue("1m") Duration period) {
    }

    /**
     * @param email    the admin's email; empty: no admin is bootstrapped
     * @param password the admin's first password; change it after the first login
     * @param name     the admin's display name
     */
    public record BootstrapAdmin(
            @DefaultValue("") String email,
            @DefaultValue("") String password,
            @DefaultValue("Administrator") String name) {

        @Override
        public String toString() {
            return "BootstrapAdmin[email=" + email + ", name=" + name + ", password=***]";
        }
    }

    /**
     * @param issuerUri    the provider's issuer; its discovery document gives the keys and endpoints. Empty: off
     * @param audience     the {@code aud} the provider puts in access tokens meant for Parley, accepted as
     *                     bearer tokens; without one, tokens the provider minted for any other application
     *                     would pass. Empty: the client id
     * @param emailClaim   the claim holding the email matched against agents' emails
     * @param clientId     the console's client id at the provider, for single sign-on (authorization code
     *                     with PKCE); the id token's {@code aud}. Empty: no single sign-on
     * @param clientSecret the client's secret, sent by the server to the token endpoint only, for providers
     *                     that want one even with PKCE. Empty: a public client
     * @param scopes       the scopes the console asks for; {@code openid} and {@code email} give the email
     */
    public record Oidc(
            @DefaultValue("") String issuerUri,
            @DefaultValue("") String audience,
            @DefaultValue("email") String emailClaim,
            @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret,
            @DefaultValue({"openid", "email", "profile"}) List<String> scopes) {

        public Oidc {
            scopes = List.copyOf(scopes);
        }

        public boolean enabled() {
            return !issuerUri.isBlank();
        }

        /** Agents sign in at the provider from the console. */
        public boolean singleSignOn() {
            return enabled() && !clientId.isBlank();
        }

        /** The {@code aud} of the provider's access tokens accepted as bearer tokens. */
        public String bearerAudience() {
            return audience.isBlank() ? clientId : audience;
        }

        @Override
        public String toString() {
            return "Oidc[issuerUri=" + issuerUri + ", audience=" + audience + ", emailClaim=" + emailClaim
                    + ", clientId=" + clientId + ", clientSecret=" + (clientSecret.isEmpty() ? "" : "***") + ", scopes=" + scopes + "]";
        }
    }

    /** @param secret the shared secret the service presents with its client id; 32+ random characters */
    public record ServiceClient(String secret) {

        @Override
        public String toString() {
            return "ServiceClient[secret=***]";
        }
    }
}
