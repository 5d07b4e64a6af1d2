package dev.parley.conversation.directory;

import static dev.parley.conversation.fixtures.Http.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.parley.conversation.identity.IdentityCast;
import dev.parley.conversation.identity.RunningService;
import dev.parley.conversation.fixtures.Http;
import dev.parley.events.EventData;
import dev.parley.events.Topics;
import dev.parley.events.bus.EventBus;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The admin screens' API over real HTTP on a real PostgreSQL: inboxes, departments with their
 * routing strategy, agents from invitation to deactivation; admins only, and refusals that name
 * the field.
 */
class DirectoryAdminIT extends RunningService {

    @Autowired
    private EventBus bus;

    @Autowired
    private Topics topics;

    private static final String ANY_ID = "0190aaaa-0000-7000-8000-000000000001";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Link(String token, String purpose) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AgentView(UUID id, String email, String role, int maxConcurrent, List<UUID> departmentIds, boolean active,
                     String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invited(AgentView agent, Link link) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Deactivated(AgentView agent, long requeued) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Department(UUID id, String name, String strategy, Integer skillsFallbackSeconds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Secret(String hmacSecret) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(String token) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConversationView(UUID id, String status, UUID ownerId) {
    }

    static Stream<Arguments> adminEndpoints() {
        return Stream.of(
                Arguments.of(HttpMethod.PUT, "/api/v1/admin/inboxes/" + IdentityCast.ACME.id(), Map.of("name", "Mine")),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/inboxes/" + IdentityCast.ACME.id() + "/secret", Map.of()),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/departments", Map.of("name", "Mine")),
                Arguments.of(HttpMethod.PUT, "/api/v1/admin/departments/" + IdentityCast.SUPPORT, Map.of("name", "Mine")),
                Arguments.of(HttpMethod.DELETE, "/api/v1/admin/departments/" + IdentityCast.SUPPORT, null),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/agents/invitations", Map.of("name", "Eve", "email", "eve@x.example")),
                Arguments.of(HttpMethod.PUT, "/api/v1/admin/agents/" + IdentityCast.BOB.id(), Map.of("name", "Bob", "role", "ADMIN")),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/agents/" + IdentityCast.CAROL.id() + "/deactivate", null),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/agents/" + IdentityCast.CAROL.id() + "/reactivate", null),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/agents/" + IdentityCast.CAROL.id() + "/password-reset", null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("adminEndpoints")
    void anAgentIsRefusedEveryAdminEndpoint(HttpMethod method, String path, Map<String, Object> body) {
        String bob = login(IdentityCast.BOB).accessToken();

        problem(call(bob, method, path, body), HttpStatus.FORBIDDEN, "directory.admin_only");
        // and nothing changed: Carol still signs in
        login(IdentityCast.CAROL);
    }

    static Stream<Arguments> invalidRequests() {
        String inbox = "/api/v1/admin/inboxes/" + IdentityCast.ACME.id();
        Map<String, Object> goodInbox = Map.of("name", "Acme", "defaultDepartmentId", IdentityCast.SUPPORT);
        return Stream.of(
                Arguments.of(HttpMethod.PUT, inbox, Map.of("defaultDepartmentId", IdentityCast.SUPPORT), "name"),
                Arguments.of(HttpMethod.PUT, inbox, with(goodInbox, "allowedOrigins", List.of("acme.example/path")), "allowedOrigins"),
                Arguments.of(HttpMethod.PUT, inbox, with(goodInbox, "widgetColour", "blue"), "widgetColour"),
                Arguments.of(HttpMethod.PUT, inbox, with(goodInbox, "widgetTitle", "t".repeat(61)), "widgetTitle"),
                Arguments.of(HttpMethod.PUT, inbox, Map.of("name", "Acme"), "defaultDepartmentId"),
                Arguments.of(HttpMethod.PUT, inbox, Map.of("name", "Acme", "defaultDepartmentId", UUID.randomUUID()), "defaultDepartmentId"),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/departments", Map.of("name", " "), "name"),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/departments", Map.of("name", "Sales", "strategy", "RANDOM"), "strategy"),
                Arguments.of(HttpMethod.PUT, "/api/v1/admin/departments/" + IdentityCast.SUPPORT,
                        Map.of("name", "Support", "strategy", "SKILLS", "skillsFallbackSeconds", -1), "skillsFallbackSeconds"),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/agents/invitations", Map.of("name", "Eve", "email", "no-at-sign"), "email"),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/agents/invitations",
                        Map.of("name", "Eve", "email", "eve@x.example", "role", "OWNER"), "role"),
                Arguments.of(HttpMethod.PUT, "/api/v1/admin/agents/" + IdentityCast.BOB.id(),
                        Map.of("name", "Bob", "maxConcurrent", 101), "maxConcurrent"),
                Arguments.of(HttpMethod.PUT, "/api/v1/admin/agents/" + IdentityCast.BOB.id(),
                        Map.of("name", "Bob", "departmentIds", List.of(UUID.randomUUID())), "departmentIds"),
                Arguments.of(HttpMethod.POST, "/api/v1/agent-links/password", Map.of("token", "made-up", "password", "long-enough-1"), "token"),
                Arguments.of(HttpMethod.POST, "/api/v1/agent-links/password", Map.of("token", "made-up", "password", "short"), "password"));
    }

    @ParameterizedTest(name = "{0} {1} → {3}")
    @MethodSource("invalidRequests")
    void aValidationErrorIsAProblemNamingTheField(HttpMethod method, String path, Map<String, Object> body, String field) {
        String ada = login(IdentityCast.ADA).accessToken();

        call(ada, method, path, body)
                .expectStatus().isEqualTo(field.equals("defaultDepartmentId") && body.containsKey("defaultDepartmentId")
                        || field.equals("departmentIds") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.fields." + field).isNotEmpty();
    }

    @Test
    void anInvitedAgentSetsTheirPasswordThroughTheLinkOnceAndSignsIn() {
        String ada = login(IdentityCast.ADA).accessToken();
        String email = "erin-" + UUID.randomUUID() + "@parley.example";

        Invited invited = call(ada, HttpMethod.POST, "/api/v1/admin/agents/invitations", Map.of("name", "Erin", "email", email,
                        "maxConcurrent", 2, "departmentIds", List.of(IdentityCast.SUPPORT)))
                .expectStatus().isCreated().expectBody(Invited.class).returnResult().getResponseBody();
        assertThat(invited.agent().maxConcurrent()).isEqualTo(2);
        assertThat(invited.link().purpose()).isEqualTo("INVITE");

        followLink(invited.link().token(), "erins-first-password").expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(email);
        loginAs(email, "erins-first-password").expectStatus().isOk();
        problem(followLink(invited.link().token(), "someone-elses-password"), HttpStatus.BAD_REQUEST, "agent_link.invalid");
        loginAs(email, "someone-elses-password").expectStatus().isUnauthorized();
    }

    @Test
    void aPasswordResetLinkReplacesThePasswordAndOnlyTheNewestLinkWorks() {
        String ada = login(IdentityCast.ADA).accessToken();
        AgentView frank = invite(ada, "Frank", "frank-password-1");

        Link first = call(ada, HttpMethod.POST, "/api/v1/admin/agents/" + frank.id() + "/password-reset", null)
                .expectStatus().isOk().expectBody(Link.class).returnResult().getResponseBody();
        Link second = call(ada, HttpMethod.POST, "/api/v1/admin/agents/" + frank.id() + "/password-reset", null)
                .expectStatus().isOk().expectBody(Link.class).returnResult().getResponseBody();
        loginAs(frank.email(), "frank-password-1").expectStatus().isOk();

        problem(followLink(first.token(), "frank-password-2"), HttpStatus.BAD_REQUEST, "agent_link.invalid");
        followLink(second.token(), "frank-password-3").expectStatus().isOk();
        loginAs(frank.email(), "frank-password-1").expectStatus().isUnauthorized();
        loginAs(frank.email(), "frank-password-3").expectStatus().isOk();
    }

    @Test
    void anAdminEditsAnAgentsNameRoleCapacityAndDepartments() {
        String ada = login(IdentityCast.ADA).accessToken();
        AgentView gina = invite(ada, "Gina", "gina-password-1");
        Department sales = createDepartment(ada, "Sales " + UUID.randomUUID(), "ROUND_ROBIN");

        AgentView edited = call(ada, HttpMethod.PUT, "/api/v1/admin/agents/" + gina.id(), Map.of("name", "Gina Admin",
                        "role", "ADMIN", "maxConcurrent", 7, "departmentIds", List.of(sales.id())))
                .expectStatus().isOk().expectBody(AgentView.class).returnResult().getResponseBody();

        assertThat(edited.role()).isEqualTo("ADMIN");
        assertThat(edited.maxConcurrent()).isEqualTo(7);
        assertThat(edited.departmentIds()).containsExactly(sales.id());
        call(ada, HttpMethod.GET, "/api/v1/agents", null).expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + gina.id() + "')].name").isEqualTo("Gina Admin");
    }

    /**
     * Issue 15, defect 4: the gateways learn of the change from this event; without it an agent
     * removed from a department kept its traffic on the open socket.
     */
    @Test
    void changingAnAgentsDepartmentsAnnouncesTheNewSetAndTheSameSetAgainAnnouncesNothing() throws Exception {
        String ada = login(IdentityCast.ADA).accessToken();
        AgentView gina = invite(ada, "Gina", "gina-password-1");
        Department sales = createDepartment(ada, "Sales " + UUID.randomUUID(), "ROUND_ROBIN");
        Map<String, Object> inSupport = Map.of("name", "Gina", "departmentIds", List.of(IdentityCast.SUPPORT));
        Map<String, Object> inSales = Map.of("name", "Gina", "departmentIds", List.of(sales.id()));

        call(ada, HttpMethod.PUT, "/api/v1/admin/agents/" + gina.id(), inSupport).expectStatus().isOk();
        call(ada, HttpMethod.PUT, "/api/v1/admin/agents/" + gina.id(), inSales).expectStatus().isOk();

        List<EventData.AgentDepartmentsChanged> announced = new CopyOnWriteArrayList<>();
        try (var subscription = bus.subscribe(topics.agentEvents(), "directory-admin-it-" + UUID.randomUUID(), event -> {
            if (event.data() instanceof EventData.AgentDepartmentsChanged changed && changed.agentId().equals(gina.id())) {
                announced.add(changed);
            }
            return Mono.empty();
        })) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(announced)
                    .extracting(EventData.AgentDepartmentsChanged::departmentIds).containsExactly(Set.of(sales.id())));
        }
    }

    @Test
    void aDepartmentKeepsItsRoutingStrategyAndIsDeletedOnlyWhenNothingUsesIt() {
        String ada = login(IdentityCast.ADA).accessToken();
        Department billing = createDepartment(ada, "Billing " + UUID.randomUUID(), "SKILLS");

        call(ada, HttpMethod.PUT, "/api/v1/admin/departments/" + billing.id(),
                Map.of("name", billing.name(), "strategy", "SKILLS", "skillsFallbackSeconds", 45)).expectStatus().isOk();
        Department read = call(login(IdentityCast.BOB).accessToken(), HttpMethod.GET, "/api/v1/departments/" + billing.id(), null)
                .expectStatus().isOk().expectBody(Department.class).returnResult().getResponseBody();
        assertThat(read.strategy()).isEqualTo("SKILLS");
        assertThat(read.skillsFallbackSeconds()).isEqualTo(45);

        problem(call(ada, HttpMethod.DELETE, "/api/v1/admin/departments/" + IdentityCast.SUPPORT, null),
                HttpStatus.CONFLICT, "department.in_use")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("agents"));
        call(ada, HttpMethod.DELETE, "/api/v1/admin/departments/" + billing.id(), null).expectStatus().isNoContent();
        call(ada, HttpMethod.GET, "/api/v1/departments/" + billing.id(), null).expectStatus().isNotFound();
    }

    @Test
    void editingAnInboxChangesWhatItShowsAndRotatingItsSecretRetiresTheOldProof() {
        String ada = login(IdentityCast.ADA).accessToken();
        var inbox = IdentityCast.GLOBEX;
        call(ada, HttpMethod.PUT, "/api/v1/admin/inboxes/" + inbox.id(), Map.of("name", "Globex shop",
                        "allowedOrigins", List.of("https://shop.globex.example"), "widgetTitle", "Ask Globex",
                        "widgetColour", "#112233", "greeting", "Hi! How can we help?", "preChatForm", true,
                        "botEnabled", false, "defaultDepartmentId", IdentityCast.SUPPORT))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.widgetTitle").isEqualTo("Ask Globex")
                .jsonPath("$.widgetColour").isEqualTo("#112233")
                .jsonPath("$.preChatForm").isEqualTo(true)
                .jsonPath("$.allowedOrigins[0]").isEqualTo("https://shop.globex.example");

        Map<String, String> oldProof = Map.of("inboxKey", inbox.publicKey(), "userId", "u-1", "userHash", inbox.userHash("u-1"));
        widgetSession("https://shop.globex.example", oldProof).expectStatus().is2xxSuccessful();
        Secret rotated = call(ada, HttpMethod.POST, "/api/v1/admin/inboxes/" + inbox.id() + "/secret", null)
                .expectStatus().isOk().expectBody(Secret.class).returnResult().getResponseBody();

        assertThat(rotated.hmacSecret()).isNotEqualTo(inbox.hmacSecret());
        widgetSession("https://shop.globex.example", oldProof).expectStatus().is4xxClientError();
    }

    @Test
    void deactivatingAnAgentRequeuesTheirOpenConversationsAndEndsTheirSignInUntilReactivated() {
        String ada = login(IdentityCast.ADA).accessToken();
        AgentView hank = invite(ada, "Hank", "hank-password-1");
        String hankToken = loginAs(hank.email(), "hank-password-1").expectStatus().isOk()
                .expectBody(Grant.class).returnResult().getResponseBody().accessToken();
        call(hankToken, HttpMethod.PUT, "/api/v1/agents/" + hank.id() + "/status", Map.of("status", "ONLINE")).expectStatus().isOk();
        String customer = widgetSession(IdentityCast.ACME.allowedOrigins().get(0), Map.of("inboxKey", IdentityCast.ACME.publicKey())).expectStatus().is2xxSuccessful()
                .expectBody(Session.class).returnResult().getResponseBody().token();
        ConversationView started = call(customer, HttpMethod.POST, "/api/v1/conversations", null).expectStatus().isCreated()
                .expectBody(ConversationView.class).returnResult().getResponseBody();
        call(hankToken, HttpMethod.POST, "/api/v1/conversations/" + started.id() + "/accept", null).expectStatus().isOk();

        problem(call(ada, HttpMethod.POST, "/api/v1/admin/agents/" + IdentityCast.ADA.id() + "/deactivate", null),
                HttpStatus.CONFLICT, "agent.cannot_deactivate_self");
        Deactivated deactivated = call(ada, HttpMethod.POST, "/api/v1/admin/agents/" + hank.id() + "/deactivate", null)
                .expectStatus().isOk().expectBody(Deactivated.class).returnResult().getResponseBody();

        assertThat(deactivated.requeued()).isEqualTo(1);
        assertThat(deactivated.agent().active()).isFalse();
        assertThat(deactivated.agent().status()).isEqualTo("OFFLINE");
        call(ada, HttpMethod.GET, "/api/v1/conversations/" + started.id(), null).expectStatus().isOk().expectBody()
                .jsonPath("$.conversation.status").isEqualTo("QUEUED")
                .jsonPath("$.conversation.ownerId").doesNotExist();
        loginAs(hank.email(), "hank-password-1").expectStatus().isUnauthorized();
        call(hankToken, HttpMethod.PUT, "/api/v1/agents/" + hank.id() + "/status", Map.of("status", "ONLINE"))
                .expectStatus().is4xxClientError();

        call(ada, HttpMethod.POST, "/api/v1/admin/agents/" + hank.id() + "/reactivate", null).expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(true);
        loginAs(hank.email(), "hank-password-1").expectStatus().isOk();
    }

    /** Invites an agent into Support and follows the link with this password. */
    private AgentView invite(String admin, String name, String password) {
        Invited invited = call(admin, HttpMethod.POST, "/api/v1/admin/agents/invitations", Map.of("name", name,
                        "email", name.toLowerCase() + "-" + UUID.randomUUID() + "@parley.example",
                        "departmentIds", List.of(IdentityCast.SUPPORT)))
                .expectStatus().isCreated().expectBody(Invited.class).returnResult().getResponseBody();
        followLink(invited.link().token(), password).expectStatus().isOk();
        return invited.agent();
    }

    private Department createDepartment(String admin, String name, String strategy) {
        return call(admin, HttpMethod.POST, "/api/v1/admin/departments", Map.of("name", name, "strategy", strategy))
                .expectStatus().isCreated().expectBody(Department.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec followLink(String token, String password) {
        return http.post().uri("/api/v1/agent-links/password").bodyValue(Map.of("token", token, "password", password)).exchange();
    }

    private WebTestClient.ResponseSpec loginAs(String email, String password) {
        return http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    private WebTestClient.ResponseSpec widgetSession(String origin, Map<String, String> body) {
        return http.post().uri("/api/v1/widget/sessions").header(HttpHeaders.ORIGIN, origin)
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec call(String token, HttpMethod method, String path, Map<String, ?> body) {
        return Http.call(http, token, method, path, body);
    }


    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        var copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
