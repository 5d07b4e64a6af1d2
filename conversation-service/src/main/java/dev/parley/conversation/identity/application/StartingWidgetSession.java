package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.CustomerProfile;
import dev.parley.conversation.identity.domain.IssuedToken;
import dev.parley.conversation.identity.domain.KnownCustomer;
import dev.parley.conversation.identity.domain.WidgetInbox;
import dev.parley.conversation.shared.domain.Outcome;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The widget opens a session for a visitor of an inbox and gets a customer token. Who the
 * customer is, in order:
 * <ol>
 *   <li>with a {@code userId} and a valid {@code userHash}: the host site's user, the same customer
 *       on every device (an anonymous visitor who logs in keeps their conversations);</li>
 *   <li>with a valid visitor token of this inbox: the customer it names, so a page refresh or a
 *       return visit keeps the conversation;</li>
 *   <li>otherwise a new anonymous customer. A visitor token that is expired, tampered with or of
 *       another inbox starts a new customer rather than failing: the widget must always open.</li>
 * </ol>
 * A wrong {@code userHash} is refused and changes nothing.
 */
public final class StartingWidgetSession {

    public static final String INBOX_UNKNOWN = "widget.inbox_unknown";
    public static final String ORIGIN_NOT_ALLOWED = "widget.origin_not_allowed";
    public static final String USER_HASH_INVALID = "widget.user_hash_invalid";

    private final Inboxes inboxes;
    private final Customers customers;
    private final TokenReader tokenReader;
    private final TokenIssuer tokenIssuer;

    public StartingWidgetSession(Inboxes inboxes, Customers customers, TokenReader tokenReader, TokenIssuer tokenIssuer) {
        this.inboxes = inboxes;
        this.customers = customers;
        this.tokenReader = tokenReader;
        this.tokenIssuer = tokenIssuer;
    }

    /** What the widget sends, with the {@code Origin} its page runs on. */
    public record Request(String inboxKey, Optional<String> visitorToken, Optional<String> userId,
                          Optional<String> userHash, CustomerProfile profile, Optional<String> origin) {
    }

    public record WidgetSession(UUID customerId, IssuedToken token) {
    }

    public Mono<Outcome<WidgetSession>> start(Request request) {
        return Mono.justOrEmpty(request.inboxKey())
                .flatMap(inboxes::findByPublicKey)
                .flatMap(inbox -> startIn(inbox, request))
                .defaultIfEmpty(Outcome.rejected(INBOX_UNKNOWN, "No inbox has this key."));
    }

    private Mono<Outcome<WidgetSession>> startIn(WidgetInbox inbox, Request request) {
        if (!inbox.allowedOrigins().allow(request.origin())) {
            return Mono.just(Outcome.rejected(ORIGIN_NOT_ALLOWED, "This inbox's widget may not run on this origin."));
        }
        if (request.userId().isPresent() && !inbox.proves(request.userId().get(), request.userHash().orElse(null))) {
            return Mono.just(Outcome.rejected(USER_HASH_INVALID, "userHash does not prove userId."));
        }
        return previousCustomer(inbox, request.visitorToken())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(previous -> customerId(inbox, request, previous))
                .flatMap(customerId -> tokenIssuer.issue(new Caller.Customer(customerId, inbox.id()), inbox.allowedOrigins())
                        .map(token -> Outcome.accepted(new WidgetSession(customerId, token))));
    }

    private Mono<KnownCustomer> previousCustomer(WidgetInbox inbox, Optional<String> visitorToken) {
        return Mono.justOrEmpty(visitorToken)
                .flatMap(tokenReader::callerOf)
                .ofType(Caller.Customer.class)
                .filter(customer -> customer.inboxId().equals(inbox.id()))
                .flatMap(customer -> customers.findInInbox(customer.customerId(), inbox.id()));
    }

    private Mono<UUID> customerId(WidgetInbox inbox, Request request, Optional<KnownCustomer> previous) {
        if (request.userId().isPresent()) {
            Optional<UUID> anonymous = previous.filter(KnownCustomer::isAnonymous).map(KnownCustomer::id);
            return customers.identify(inbox.id(), request.userId().get(), request.profile(), anonymous);
        }
        if (previous.isPresent()) {
            UUID id = previous.get().id();
            return customers.touch(id, request.profile()).thenReturn(id);
        }
        return customers.createAnonymous(inbox.id(), request.profile());
    }
}
