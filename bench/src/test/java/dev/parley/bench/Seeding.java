package dev.parley.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.JsonNode;

/**
 * The floor's cast, set up through the real API as an admin would: the bootstrap admin creates a
 * department, a bot-less inbox (its conversations queue at once) and the agents with their seats
 * and passwords; each agent logs in and goes ONLINE; each customer gets a widget session and starts
 * a conversation; the assignment worker then assigns every conversation (LEAST_BUSY), which is
 * waited for. What the load generator needs is returned as its cast.
 */
final class Seeding {

    static final String ADMIN_EMAIL = "admin@floor.bench";
    static final String ADMIN_PASSWORD = "floor-admin-password-0123456789";
    private static final String AGENT_PASSWORD = "floor-agent-password-0123456789";
    private static final int PARALLEL = 8;

    private Seeding() {
    }

    record Cast(String service, List<Map<String, String>> agents, List<Map<String, Object>> customers) {
    }

    static Cast seed(Api api, int agentCount, int seats, int conversations) {
        String admin = api.post("/api/v1/auth/login", null, Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
                .path("accessToken").asString();
        String department = api.post("/api/v1/admin/departments", admin, Map.of("name", "Floor")).path("id").asString();
        String inboxKey = api.post("/api/v1/admin/inboxes", admin, Map.of("name", "Floor shop", "allowedOrigins", List.of(),
                "botEnabled", false, "defaultDepartmentId", department)).path("publicKey").asString();
        List<Map<String, String>> agents = new ArrayList<>();
        Map<String, Integer> agentNumber = new HashMap<>();
        for (int i = 0; i < agentCount; i++) {
            String email = "agent" + i + "@floor.bench";
            String id = api.post("/api/v1/admin/agents", admin, Map.of("name", "Agent " + i, "email", email, "role", "AGENT",
                    "maxConcurrent", seats, "departmentIds", List.of(department))).path("id").asString();
            api.put("/api/v1/agents/" + id + "/password", admin, Map.of("password", AGENT_PASSWORD));
            JsonNode tokens = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", AGENT_PASSWORD));
            String access = tokens.path("accessToken").asString();
            api.put("/api/v1/agents/" + id + "/status", access, Map.of("status", "ONLINE"));
            agents.add(Map.of("id", id, "access", access, "refresh", tokens.path("refreshToken").asString()));
            agentNumber.put(id, i);
        }
        List<String> tokens = inParallel(conversations, i -> api.postAsync("/api/v1/widget/sessions", null,
                Map.of("inboxKey", inboxKey)).thenApply(session -> session.path("token").asString()));
        List<String> conversationIds = inParallel(conversations, i -> api.postAsync("/api/v1/conversations", tokens.get(i),
                Map.of()).thenApply(conversation -> conversation.path("id").asString()));
        Map<String, Integer> owners = new HashMap<>();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            owners.clear();
            for (Map<String, String> agent : agents) {
                mine(api, agent.get("access")).forEach(id -> owners.put(id, agentNumber.get(agent.get("id"))));
            }
            return conversationIds.stream().allMatch(owners::containsKey);
        });
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            customers.add(Map.of("token", tokens.get(i), "conversationId", conversationIds.get(i),
                    "agent", owners.get(conversationIds.get(i))));
        }
        return new Cast(api.base(), agents, customers);
    }

    /** The open conversations the agent owns (the console's "mine" view), every page. */
    private static List<String> mine(Api api, String token) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/conversations?view=mine&limit=100" + (cursor == null ? ""
                    : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)), token);
            page.path("conversations").forEach(conversation -> ids.add(conversation.path("id").asString()));
            cursor = page.path("next").isString() ? page.path("next").asString() : null;
        } while (cursor != null);
        return ids;
    }

    private static <T> List<T> inParallel(int count, java.util.function.IntFunction<CompletableFuture<T>> call) {
        Semaphore slots = new Semaphore(PARALLEL);
        List<CompletableFuture<T>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.acquireUninterruptibly();
            CompletableFuture<T> future = call.apply(i);
            future.whenComplete((ok, error) -> slots.release());
            calls.add(future);
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
