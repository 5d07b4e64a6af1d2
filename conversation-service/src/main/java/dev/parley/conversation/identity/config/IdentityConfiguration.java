package dev.parley.conversation.identity.config;

import dev.parley.conversation.identity.adapter.bucket4j.Bucket4jLoginThrottle;
import dev.parley.conversation.identity.adapter.bucket4j.Bucket4jWidgetSessionThrottle;
import dev.parley.conversation.identity.adapter.crypto.BCryptPasswordHasher;
import dev.parley.conversation.identity.adapter.jwt.BearerTokenAuthentication;
import dev.parley.conversation.identity.adapter.jwt.NimbusTokenIssuer;
import dev.parley.conversation.identity.adapter.jwt.NimbusTokenReader;
import dev.parley.conversation.identity.adapter.jwt.SigningKeyRing;
import dev.parley.conversation.identity.adapter.jwt.RememberingJwtDecoder;
import dev.parley.conversation.identity.adapter.jwt.TokenDecoders;
import dev.parley.conversation.identity.adapter.oidc.OidcIdentityProvider;
import dev.parley.conversation.identity.adapter.r2dbc.R2dbcAgentAccounts;
import dev.parley.conversation.identity.adapter.r2dbc.R2dbcCustomers;
import dev.parley.conversation.identity.adapter.r2dbc.R2dbcInboxes;
import dev.parley.conversation.identity.adapter.r2dbc.R2dbcRefreshTokens;
import dev.parley.conversation.identity.adapter.r2dbc.R2dbcSigningKeyStore;
import dev.parley.conversation.identity.adapter.web.AuthController;
import dev.parley.conversation.identity.adapter.web.AuthProblems;
import dev.parley.conversation.identity.adapter.web.CallerArgumentResolver;
import dev.parley.conversation.identity.adapter.web.ClientAddress;
import dev.parley.conversation.identity.adapter.web.JwksController;
import dev.parley.conversation.identity.adapter.web.PasswordController;
import dev.parley.conversation.identity.adapter.web.SecurityRules;
import dev.parley.conversation.identity.adapter.web.ServiceTokenController;
import dev.parley.conversation.identity.adapter.web.SsoController;
import dev.parley.conversation.identity.adapter.web.WidgetSessionController;
import dev.parley.conversation.identity.application.AgentAccounts;
import dev.parley.conversation.identity.application.AgentSessions;
import dev.parley.conversation.identity.application.BootstrappingAdmin;
import dev.parley.conversation.identity.application.Customers;
import dev.parley.conversation.identity.application.IdentityProvider;
import dev.parley.conversation.identity.application.Inboxes;
import dev.parley.conversation.identity.application.IssuingServiceToken;
import dev.parley.conversation.identity.application.LoggingIn;
import dev.parley.conversation.identity.application.LoggingOut;
import dev.parley.conversation.identity.application.LoginThrottle;
import dev.parley.conversation.identity.application.PasswordHasher;
import dev.parley.conversation.identity.application.RecognizingAgent;
import dev.parley.conversation.identity.application.RefreshTokens;
import dev.parley.conversation.identity.application.RefreshingTokens;
import dev.parley.conversation.identity.application.SettingPassword;
import dev.parley.conversation.identity.application.SigningInWithSso;
import dev.parley.conversation.identity.application.SigningKeyStore;
import dev.parley.conversation.identity.application.StartingWidgetSession;
import dev.parley.conversation.identity.application.TokenIssuer;
import dev.parley.conversation.identity.application.TokenReader;
import dev.parley.conversation.identity.application.UpdatingCustomerProfile;
import dev.parley.conversation.identity.application.WidgetSessionThrottle;
import dev.parley.conversation.identity.domain.ServiceClients;
import dev.parley.conversation.identity.domain.SigningKeyPolicy;
import dev.parley.conversation.identity.domain.TokenLifetimes;
import dev.parley.events.net.TrustedProxies;
import dev.parley.events.spring.ClientAddressProperties;
import dev.parley.events.spring.EngineProperties;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication and identity (ARCHITECTURE §7): tokens signed with keys shared through
 * the store, widget sessions, agents' login, OIDC, service tokens, and the security rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentityProperties.class, ClientAddressProperties.class})
public class IdentityConfiguration {

    /**
     * Shared secrets are hashed into comparisons and keys without a slow derivation, so they must
     * carry real entropy: 32 characters of a random generator's output.
     */
    static final int MIN_SERVICE_SECRET_LENGTH = 32;
    /**
     * A key stays published this long beyond the longest token lifetime after its successor
     * appeared: instances that have not re-read the keys yet may still sign with it meanwhile.
     */
    private static final Duration KEY_RETENTION_MARGIN = Duration.ofHours(1);
    /** Long enough for a slow database at startup, short enough that a hung one fails the start visibly. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    // Stores

    @Bean
    Inboxes identityInboxes(DatabaseClient db) {
        return new R2dbcInboxes(db);
    }

    @Bean
    Customers identityCustomers(DatabaseClient db, Clock clock) {
        return new R2dbcCustomers(db, clock);
    }

    @Bean
    AgentAccounts identityAgentAccounts(DatabaseClient db, ReactiveTransactionManager transactions, Clock clock) {
        return new R2dbcAgentAccounts(db, TransactionalOperator.create(transactions), clock);
    }

    @Bean
    RefreshTokens refreshTokens(DatabaseClient db, ReactiveTransactionManager transactions, Clock clock) {
        return new R2dbcRefreshTokens(db, TransactionalOperator.create(transactions), clock);
    }

    /** In the database, so every instance signs with keys every instance trusts. */
    @Bean
    SigningKeyStore signingKeyStore(DatabaseClient db, ReactiveTransactionManager transactions) {
        return new R2dbcSigningKeyStore(db, TransactionalOperator.create(transactions));
    }

    @Bean
    BCryptPasswordHasher passwordHasher(IdentityProperties properties) {
        return new BCryptPasswordHasher(properties.passwords().bcryptStrength());
    }

    @Bean
    Bucket4jLoginThrottle loginThrottle(IdentityProperties properties) {
        var login = properties.login();
        return new Bucket4jLoginThrottle(
                new Bucket4jLoginThrottle.Budget(login.perEmail().attempts(), login.perEmail().period()),
                new Bucket4jLoginThrottle.Budget(login.perClient().attempts(), login.perClient().period()),
                TimeMeter.SYSTEM_MILLISECONDS);
    }

    @Bean
    Bucket4jWidgetSessionThrottle widgetSessionThrottle(IdentityProperties properties) {
        var perClient = properties.widgetSessions().perClient();
        return new Bucket4jWidgetSessionThrottle(new Bucket4jLoginThrottle.Budget(perClient.attempts(), perClient.period()),
                TimeMeter.SYSTEM_MILLISECONDS);
    }

    // Tokens

    @Bean
    SigningKeyRing signingKeyRing(SigningKeyStore store, IdentityProperties properties, Clock clock) {
        var keys = properties.signingKeys();
        var tokens = properties.tokens();
        Duration retention = lifetimes(properties).longest().plus(tokens.clockSkew())
                .plus(keys.refreshInterval()).plus(KEY_RETENTION_MARGIN);
        return SigningKeyRing.create(store,
                keys.encryptionSecret(), new SigningKeyPolicy(keys.rotateAfter(), retention),
                keys.refreshInterval(), keys.missBackoff(), clock);
    }

    @Bean
    NimbusTokenIssuer tokenIssuer(SigningKeyRing keys, IdentityProperties properties, Clock clock) {
        return new NimbusTokenIssuer(keys, lifetimes(properties), properties.issuer(), properties.audience(), clock);
    }

    @Bean
    RememberingJwtDecoder ownTokenDecoder(SigningKeyRing keys, IdentityProperties properties, Clock clock) {
        // sized for the users active within a few minutes on a busy node; a miss costs one verification
        return new RememberingJwtDecoder(
                TokenDecoders.ownTokens(keys, properties.issuer(), properties.audience(), clock, properties.tokens().clockSkew()),
                20_000, clock);
    }

    @Bean
    NimbusTokenReader tokenReader(ReactiveJwtDecoder ownTokenDecoder) {
        return new NimbusTokenReader(ownTokenDecoder);
    }

    @Bean
    ReactiveAuthenticationManagerResolver<ServerWebExchange> bearerTokenAuthentication(
            RememberingJwtDecoder ownTokenDecoder, RecognizingAgent recognizingAgent, IdentityProperties properties, Clock clock) {
        var oidc = properties.oidc();
        Optional<BearerTokenAuthentication.OidcProvider> provider = Optional.empty();
        if (oidc.enabled()) {
            if (oidc.bearerAudience().isBlank()) {
                throw new IllegalStateException("parley.identity.oidc.audience (or client-id) is required with parley.identity.oidc.issuer-uri");
            }
            log.info("Accepting agents' tokens of the OIDC provider {}", oidc.issuerUri());
            provider = Optional.of(new BearerTokenAuthentication.OidcProvider(oidc.issuerUri(),
                    TokenDecoders.oidcTokens(oidc.issuerUri(), oidc.bearerAudience(), clock, properties.tokens().clockSkew()),
                    recognizingAgent, oidc.emailClaim()));
        }
        return BearerTokenAuthentication.byIssuer(properties.issuer(), ownTokenDecoder, provider);
    }

    // Use cases

    @Bean
    AgentSessions agentSessions(TokenIssuer issuer, RefreshTokens refreshTokens, IdentityProperties properties, Clock clock) {
        return new AgentSessions(issuer, refreshTokens, properties.tokens().refresh(), clock);
    }

    @Bean
    StartingWidgetSession startingWidgetSession(Inboxes inboxes, Customers customers, TokenReader reader, TokenIssuer issuer) {
        return new StartingWidgetSession(inboxes, customers, reader, issuer);
    }

    @Bean
    LoggingIn loggingIn(AgentAccounts accounts, PasswordHasher hasher, AgentSessions sessions) {
        return new LoggingIn(accounts, hasher, sessions);
    }

    @Bean
    RefreshingTokens refreshingTokens(RefreshTokens refreshTokens, AgentAccounts accounts, AgentSessions sessions, Clock clock) {
        return new RefreshingTokens(refreshTokens, accounts, sessions, clock);
    }

    @Bean
    LoggingOut loggingOut(RefreshTokens refreshTokens, Clock clock) {
        return new LoggingOut(refreshTokens, clock);
    }

    @Bean
    SettingPassword settingPassword(AgentAccounts accounts, PasswordHasher hasher, RefreshTokens refreshTokens, Clock clock) {
        return new SettingPassword(accounts, hasher, refreshTokens, clock);
    }

    @Bean
    BootstrappingAdmin bootstrappingAdmin(AgentAccounts accounts, PasswordHasher hasher) {
        return new BootstrappingAdmin(accounts, hasher);
    }

    @Bean
    IssuingServiceToken issuingServiceToken(IdentityProperties properties, EngineProperties engine, TokenIssuer issuer) {
        ClusterSecrets.require(engine.engine(), properties);
        return new IssuingServiceToken(serviceClients(properties), issuer);
    }

    @Bean
    RecognizingAgent recognizingAgent(AgentAccounts accounts) {
        return new RecognizingAgent(accounts);
    }

    /** Single sign-on at the OIDC provider, when it has a client id for the console. */
    @Bean
    SigningInWithSso signingInWithSso(RecognizingAgent recognizing, AgentSessions sessions, IdentityProperties properties,
                                      Clock clock) {
        var oidc = properties.oidc();
        Optional<IdentityProvider> provider = Optional.empty();
        if (oidc.singleSignOn()) {
            log.info("Agents may sign in at the OIDC provider {} as client {}", oidc.issuerUri(), oidc.clientId());
            provider = Optional.of(new OidcIdentityProvider(
                    new OidcIdentityProvider.Client(oidc.issuerUri(), oidc.clientId(), oidc.clientSecret(), oidc.scopes(), oidc.emailClaim()),
                    WebClient.create(),
                    // an id token is for us as a client: its audience is our client id
                    TokenDecoders.oidcTokens(oidc.issuerUri(), oidc.clientId(), clock, properties.tokens().clockSkew())));
        }
        return new SigningInWithSso(provider, recognizing, sessions);
    }

    // Web

    @Bean
    WidgetSessionController widgetSessionController(StartingWidgetSession starting, Customers customers,
                                                    WidgetSessionThrottle throttle, ClientAddress clientAddress) {
        return new WidgetSessionController(starting, new UpdatingCustomerProfile(customers), throttle, clientAddress);
    }

    /**
     * Whose address the per-address limits count: the peer, or behind trusted proxies the client
     * they name. Not named {@code clientAddress}: the gateway has a bean of that name, and standalone
     * builds both.
     */
    @Bean
    ClientAddress requestClientAddress(ClientAddressProperties properties) {
        return new ClientAddress(properties.header(), TrustedProxies.forHeader(properties.header(), properties.trustedProxies()));
    }

    @Bean
    AuthController authController(LoggingIn loggingIn, RefreshingTokens refreshing, LoggingOut loggingOut,
                                  LoginThrottle throttle, ClientAddress clientAddress, Clock clock) {
        return new AuthController(loggingIn, refreshing, loggingOut, throttle, clientAddress, clock);
    }

    @Bean
    SsoController ssoController(SigningInWithSso signingIn, LoginThrottle throttle, ClientAddress clientAddress, Clock clock) {
        return new SsoController(signingIn, throttle, clientAddress, clock);
    }

    @Bean
    PasswordController passwordController(SettingPassword settingPassword) {
        return new PasswordController(settingPassword);
    }

    @Bean
    ServiceTokenController serviceTokenController(IssuingServiceToken issuing, Clock clock) {
        return new ServiceTokenController(issuing, clock);
    }

    @Bean
    JwksController jwksController(SigningKeyRing keys) {
        return new JwksController(keys);
    }

    @Bean
    AuthProblems authProblems(JsonMapper json) {
        return new AuthProblems(json);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
                                                  ReactiveAuthenticationManagerResolver<ServerWebExchange> bearerTokenAuthentication,
                                                  AuthProblems problems) {
        return SecurityRules.chain(http, bearerTokenAuthentication, problems);
    }

    /** Controllers declare a {@code Caller} parameter to get the verified caller. */
    @Bean
    WebFluxConfigurer callerArguments() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver());
            }
        };
    }

    // Startup

    /**
     * Loads (or, on the first instance, creates) the signing keys before the service reports
     * ready, then creates the configured first admin if there is no admin yet.
     */
    @Bean
    ApplicationRunner identityStartup(SigningKeyRing keys, BootstrappingAdmin bootstrapping, IdentityProperties properties) {
        return arguments -> {
            keys.reload().block(STARTUP_TIMEOUT);
            var admin = properties.bootstrapAdmin();
            bootstrapping.bootstrap(admin.email(), admin.name(), admin.password())
                    .doOnNext(id -> log.info("Created the first admin {} ({}) from parley.identity.bootstrap-admin", admin.email(), id))
                    .switchIfEmpty(Mono.fromRunnable(() -> {
                        if (!admin.email().isBlank()) {
                            log.info("Not bootstrapping admin {}: an admin exists already or the email is taken", admin.email());
                        }
                    }))
                    .block(STARTUP_TIMEOUT);
        };
    }

    private static TokenLifetimes lifetimes(IdentityProperties properties) {
        var tokens = properties.tokens();
        return new TokenLifetimes(tokens.visitor(), tokens.agent(), tokens.service());
    }

    private static ServiceClients serviceClients(IdentityProperties properties) {
        properties.services().forEach((name, client) -> {
            if (client.secret() == null || client.secret().length() < MIN_SERVICE_SECRET_LENGTH) {
                throw new IllegalStateException("parley.identity.services." + name + ".secret needs at least "
                        + MIN_SERVICE_SECRET_LENGTH + " characters");
            }
        });
        return new ServiceClients(properties.services().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().secret())));
    }
}
