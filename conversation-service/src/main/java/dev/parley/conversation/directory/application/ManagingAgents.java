package dev.parley.conversation.directory.application;

import dev.parley.conversation.directory.application.AgentLinks.Purpose;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.AgentSettings;
import dev.parley.conversation.directory.domain.AgentStatus;
import dev.parley.conversation.directory.domain.LinkToken;
import dev.parley.conversation.identity.application.RefreshTokens;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Admins invite agents (a one-time link to set a password, which the admin hands over), change
 * them, deactivate and reactivate them, and reset their password (another one-time link).
 * Deactivating sets the agent OFFLINE (announced like any status change), ends their sessions and
 * requeues their open conversations, in that order, so no new conversation reaches them meanwhile.
 * Changing an agent's departments announces the new set ({@link AnnouncingDepartmentChanges}).
 */
public final class ManagingAgents {

    public static final String CANNOT_DEACTIVATE_SELF = "agent.cannot_deactivate_self";
    /** An invitation waits a week: long enough for a new colleague's first day. */
    static final Duration INVITE_VALID_FOR = Duration.ofDays(7);
    /** A reset is asked for when it is needed; a day is plenty. */
    static final Duration RESET_VALID_FOR = Duration.ofDays(1);

    private final AdministeringDirectory administering;
    private final DirectoryAdmin admin;
    private final DirectoryStore directory;
    private final AgentLinks links;
    private final ChangingAgentStatus statuses;
    private final RefreshTokens refreshTokens;
    private final OwnedConversations owned;
    private final Transactions transactions;
    private final AnnouncingDepartmentChanges departmentChanges;
    private final Clock clock;

    public ManagingAgents(AdministeringDirectory administering, DirectoryAdmin admin, DirectoryStore directory,
                          AgentLinks links, ChangingAgentStatus statuses, RefreshTokens refreshTokens,
                          OwnedConversations owned, Transactions transactions,
                          AnnouncingDepartmentChanges departmentChanges, Clock clock) {
        this.transactions = transactions;
        this.departmentChanges = departmentChanges;
        this.administering = administering;
        this.admin = admin;
        this.directory = directory;
        this.links = links;
        this.statuses = statuses;
        this.refreshTokens = refreshTokens;
        this.owned = owned;
        this.clock = clock;
    }

    /** A one-time link's secret, shown once; the console makes the address from it. */
    public record Link(String token, String purpose, Instant expiresAt) {
    }

    public record Invited(Agent agent, Link link) {
    }

    public record Deactivated(Agent agent, long requeued) {
    }

    public Mono<Outcome<Invited>> invite(Caller caller, String email, AgentSettings settings) {
        Optional<Rejection> refusal = Admins.refusal(caller).or(settings::problem);
        if (refusal.isPresent()) {
            return Mono.just(Outcome.rejected(refusal.get()));
        }
        return administering.createAgent(caller, settings.name(), email, settings.chosenRole(), settings.seats(),
                        settings.departmentIds())
                .flatMap(created -> created instanceof Outcome.Accepted<DirectoryAdmin.NewAgent> accepted
                        ? link(accepted.value().id(), Purpose.INVITE).zipWith(directory.agent(accepted.value().id()),
                                (link, agent) -> Outcome.accepted(new Invited(agent, link)))
                        : Mono.just(Outcome.<Invited>rejected(((Outcome.Rejected<DirectoryAdmin.NewAgent>) created).rejection())));
    }

    public Mono<Outcome<Agent>> edit(Caller caller, UUID agentId, AgentSettings settings) {
        Optional<Rejection> refusal = Admins.refusal(caller).or(settings::problem);
        if (refusal.isPresent()) {
            return Mono.just(Outcome.rejected(refusal.get()));
        }
        return Flux.fromIterable(settings.departmentIds()).concatMap(directory::departmentExists).all(Boolean::booleanValue)
                .flatMap(known -> !known
                        ? Mono.just(Outcome.<Agent>rejected(Rejection.invalid("department.not_found", "departmentIds",
                                "no such department")))
                        : update(caller, agentId, settings));
    }

    /** The change and its announcement commit together (docs/events.md, {@code agent.departments_changed}). */
    private Mono<Outcome<Agent>> update(Caller caller, UUID agentId, AgentSettings settings) {
        return transactions.inTransaction(() -> directory.agent(agentId)
                .flatMap(before -> admin.updateAgent(agentId, settings).flatMap(updated -> updated
                        ? departmentChanges.changed(caller, agentId, before.departmentIds(), settings.departmentIds())
                                .then(directory.agent(agentId)).map(Outcome::<Agent>accepted)
                        : Mono.just(ManagingAgents.<Agent>agentNotFound())))
                .defaultIfEmpty(ManagingAgents.<Agent>agentNotFound()));
    }

    public Mono<Outcome<Deactivated>> deactivate(Caller caller, UUID agentId) {
        Optional<Rejection> refusal = Admins.refusal(caller);
        if (refusal.isPresent()) {
            return Mono.just(Outcome.rejected(refusal.get()));
        }
        if (((Caller.Agent) caller).agentId().equals(agentId)) {
            return Mono.just(Outcome.rejected(CANNOT_DEACTIVATE_SELF, "another admin must deactivate you"));
        }
        Instant now = clock.instant();
        return statuses.change(caller, agentId, AgentStatus.OFFLINE).flatMap(offline -> offline instanceof Outcome.Rejected<AgentStatus> rejected
                ? Mono.just(Outcome.<Deactivated>rejected(rejected.rejection()))
                : admin.setActive(agentId, false, now)
                        .then(refreshTokens.revokeAll(agentId, now))
                        .then(owned.requeueAllOf(caller, agentId))
                        .flatMap(requeued -> directory.agent(agentId)
                                .map(agent -> Outcome.accepted(new Deactivated(agent, requeued)))));
    }

    public Mono<Outcome<Agent>> reactivate(Caller caller, UUID agentId) {
        Optional<Rejection> refusal = Admins.refusal(caller);
        if (refusal.isPresent()) {
            return Mono.just(Outcome.rejected(refusal.get()));
        }
        return admin.setActive(agentId, true, clock.instant())
                .flatMap(before -> directory.agent(agentId)).map(Outcome::accepted)
                .defaultIfEmpty(agentNotFound());
    }

    /** A link that sets a new password; the current one works until the link is used. */
    public Mono<Outcome<Link>> resetPassword(Caller caller, UUID agentId) {
        Optional<Rejection> refusal = Admins.refusal(caller);
        if (refusal.isPresent()) {
            return Mono.just(Outcome.rejected(refusal.get()));
        }
        return directory.agent(agentId)
                .flatMap(agent -> agent.active() ? link(agentId, Purpose.RESET).map(Outcome::accepted)
                        : Mono.just(Outcome.<Link>rejected("agent.deactivated", "reactivate the agent first")))
                .defaultIfEmpty(agentNotFound());
    }

    private Mono<Link> link(UUID agentId, Purpose purpose) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(purpose == Purpose.INVITE ? INVITE_VALID_FOR : RESET_VALID_FOR);
        LinkToken token = LinkToken.generate();
        return links.issue(token.hash(), agentId, purpose, now, expiresAt)
                .thenReturn(new Link(token.value(), purpose.name(), expiresAt));
    }

    private static <T> Outcome<T> agentNotFound() {
        return Outcome.rejected("agent.not_found", "no such agent");
    }

}
