package dev.parley.assignment.adapter.http;

import dev.parley.assignment.application.ConversationService;
import dev.parley.assignment.domain.AgentSeat;
import dev.parley.assignment.domain.DepartmentRouting;
import dev.parley.assignment.domain.Strategy;
import dev.parley.assignment.domain.WaitingConversation;
import dev.parley.serviceclient.ServiceTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The conversation service over HTTP: its internal API and the directory reads that accept
 * SERVICE tokens. A 401 drops the token so the retry of the event or the next sweep fetches a new one.
 */
public final class HttpConversationService implements ConversationService {

    static final String AGENT_UNAVAILABLE = "agent.unavailable";

    private final WebClient client;
    private final ServiceTokens tokens;
    private final Duration timeout;

    public HttpConversationService(WebClient client, ServiceTokens tokens, Duration timeout) {
        this.client = client;
        this.tokens = tokens;
        this.timeout = timeout;
    }

    record DepartmentJson(UUID id, String name, String strategy, Integer skillsFallbackSeconds) {
    }

    record AgentJson(UUID id, String status, int maxConcurrent, int openCount, Instant statusChangedAt,
                     Set<UUID> departmentIds) {
    }

    record SummaryJson(UUID id, UUID departmentId, Instant queuedAt) {
    }

    record AssignRequest(UUID agentId) {
    }

    record LastAssigneeJson(UUID agentId) {
    }

    record Problem(String code) {
    }

    @Override
    public Flux<UUID> departments() {
        return list("/api/v1/departments", DepartmentJson.class).map(DepartmentJson::id);
    }

    /** A strategy this worker does not know (a newer service) is treated as none: the worker's settings apply. */
    @Override
    public Mono<DepartmentRouting> routing(UUID departmentId) {
        return authorized(token -> client.get().uri("/api/v1/departments/{id}", departmentId)
                .headers(h -> h.setBearerAuth(token))
                .exchangeToMono(response -> {
                    if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return response.releaseBody().then(Mono.<DepartmentJson>empty());
                    }
                    return response.statusCode().is2xxSuccessful() ? response.bodyToMono(DepartmentJson.class)
                            : response.createError();
                }))
                .flatMap(department -> {
                    try {
                        return Mono.just(new DepartmentRouting(Strategy.valueOf(String.valueOf(department.strategy())),
                                department.skillsFallbackSeconds() == null ? null
                                        : Duration.ofSeconds(department.skillsFallbackSeconds())));
                    } catch (IllegalArgumentException unknown) {
                        return Mono.empty();
                    }
                });
    }

    @Override
    public Flux<AgentSeat> agents() {
        return list("/api/v1/agents", AgentJson.class).map(a -> new AgentSeat(a.id(), a.status(), a.maxConcurrent(),
                a.openCount(), a.statusChangedAt(), a.departmentIds() == null ? Set.of() : a.departmentIds()));
    }

    @Override
    public Flux<WaitingConversation> queue(UUID departmentId, int limit) {
        return list("/internal/v1/queue?department=" + departmentId + "&limit=" + limit, SummaryJson.class)
                .filter(s -> s.queuedAt() != null)
                .map(s -> new WaitingConversation(s.id(), s.departmentId(), s.queuedAt()));
    }

    @Override
    public Flux<UUID> openConversationsOf(UUID agentId) {
        return list("/internal/v1/agents/" + agentId + "/conversations", SummaryJson.class).map(SummaryJson::id);
    }

    @Override
    public Mono<UUID> lastAssignee(UUID departmentId) {
        return authorized(token -> client.get().uri("/internal/v1/departments/{id}/last-assignee", departmentId)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .bodyToMono(LastAssigneeJson.class))
                .flatMap(last -> Mono.justOrEmpty(last.agentId()));
    }

    @Override
    public Mono<Void> announceQueue(UUID departmentId) {
        return authorized(token -> client.post().uri("/internal/v1/departments/{id}/queue-positions", departmentId)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .toBodilessEntity())
                .then();
    }

    @Override
    public Mono<AssignOutcome> assign(UUID conversationId, UUID agentId) {
        return authorized(token -> client.post().uri("/internal/v1/conversations/{id}/assign", conversationId)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new AssignRequest(agentId))
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody().thenReturn(AssignOutcome.ASSIGNED);
                    }
                    if (response.statusCode().value() == HttpStatus.CONFLICT.value()) {
                        return response.bodyToMono(Problem.class).map(problem -> AGENT_UNAVAILABLE.equals(problem.code())
                                ? AssignOutcome.AGENT_UNAVAILABLE : AssignOutcome.NOT_WAITING);
                    }
                    if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return response.releaseBody().thenReturn(AssignOutcome.NOT_WAITING);
                    }
                    return response.createError();
                }));
    }

    @Override
    public Mono<Boolean> requeue(UUID conversationId) {
        return authorized(token -> client.post().uri("/internal/v1/conversations/{id}/requeue", conversationId)
                .headers(h -> h.setBearerAuth(token))
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (response.statusCode().is2xxSuccessful() || status == 409 || status == 404) {
                        return response.releaseBody().thenReturn(response.statusCode().is2xxSuccessful());
                    }
                    return response.createError();
                }));
    }

    private <T> Flux<T> list(String uri, Class<T> type) {
        return authorized(token -> client.get().uri(uri)
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .bodyToFlux(type)
                .collectList())
                .flatMapMany(Flux::fromIterable);
    }

    private <T> Mono<T> authorized(Function<String, Mono<T>> call) {
        return tokens.token().flatMap(call)
                .timeout(timeout)
                .doOnError(WebClientResponseException.Unauthorized.class, e -> tokens.forget());
    }
}
