package dev.parley.gateway.routing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Routing} guarantees (its Javadoc), run against each adapter through
 * {@link #node}, as centrifuge runs one suite against its memory and Redis brokers.
 */
public abstract class RoutingContract {

    /** Short, so expiry is observable in a test. */
    protected static final Duration TTL = Duration.ofMillis(1500);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<Routing> nodes = new ArrayList<>();

    /** A node of one shared cluster (each test gets fresh ids; implementations share state per test class). */
    protected abstract Routing newNode(String nodeId);

    private Routing node(String name) {
        Routing node = newNode(name + "-" + UUID.randomUUID());
        nodes.add(node);
        return node;
    }

    @AfterEach
    void closeNodes() {
        nodes.forEach(Routing::close);
    }

    @Test
    void aRegisteredUserIsFoundOnItsNodesFromAnyNode() {
        Routing a = node("a");
        Routing b = node("b");
        UUID both = UUID.randomUUID();
        UUID onlyA = UUID.randomUUID();
        UUID nowhere = UUID.randomUUID();

        a.register(both).then(a.register(onlyA)).then(b.register(both)).block();

        assertThat(b.nodesOf(List.of(both, onlyA, nowhere)).block()).isEqualTo(Map.of(
                both, Set.of(a.nodeId(), b.nodeId()), onlyA, Set.of(a.nodeId()), nowhere, Set.of()));
    }

    @Test
    void anUnregisteredUserIsNoLongerFoundOnThatNode() {
        Routing a = node("a");
        Routing b = node("b");
        UUID user = UUID.randomUUID();
        a.register(user).then(b.register(user)).block();

        a.unregister(user).block();

        assertThat(b.nodesOf(List.of(user)).block()).containsEntry(user, Set.of(b.nodeId()));
    }

    @Test
    void aNodeThatStopsRenewingDisappearsAfterTheTtlWhileARenewingOneStays() {
        Routing silent = node("silent");
        Routing alive = node("alive");
        UUID user = UUID.randomUUID();
        silent.register(user).then(alive.register(user)).block();

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            alive.heartbeat().block();
            return alive.nodesOf(List.of(user)).block().get(user).equals(Set.of(alive.nodeId()));
        });
    }

    @Test
    void aMessageToANodeReachesThatNodeOnlyInPublishOrder() {
        Routing a = node("a");
        Routing b = node("b");
        List<String> toA = new CopyOnWriteArrayList<>();
        List<String> toB = new CopyOnWriteArrayList<>();
        a.listen(toA::add).then(b.listen(toB::add)).block();
        List<String> sent = IntStream.range(0, 50).mapToObj(i -> "m" + i).toList();

        sent.forEach(message -> b.publish(a.nodeId(), message).block());

        await().atMost(PATIENCE).until(() -> toA.size() == sent.size());
        assertThat(toA).containsExactlyElementsOf(sent);
        assertThat(toB).isEmpty();
    }

    @Test
    void sendingToTheNodesOfUsersReachesEachOfTheirNodesOnceInOrderAndThisNodeOnlyWhenAsked() {
        Routing a = node("a");
        Routing b = node("b");
        Routing c = node("c");
        List<String> toA = new CopyOnWriteArrayList<>();
        List<String> toB = new CopyOnWriteArrayList<>();
        List<String> toC = new CopyOnWriteArrayList<>();
        a.listen(toA::add).then(b.listen(toB::add)).then(c.listen(toC::add)).block();
        UUID onAAndB = UUID.randomUUID();
        UUID onB = UUID.randomUUID();
        UUID nowhere = UUID.randomUUID();
        a.register(onAAndB).then(b.register(onAAndB)).then(b.register(onB)).block();
        List<String> sent = IntStream.range(0, 20).mapToObj(i -> "e" + i).toList();

        List<Integer> counts = sent.stream()
                .map(message -> a.sendToNodesOf(List.of(onAAndB, onB, nowhere), message, false).block()).toList();
        Integer withItself = a.sendToNodesOf(List.of(onAAndB), "to both", true).block();

        await().atMost(PATIENCE).until(() -> toB.size() == sent.size() + 1 && toA.size() == 1);
        assertThat(counts).containsOnly(1);
        assertThat(withItself).isEqualTo(2);
        assertThat(toB).containsExactlyElementsOf(concat(sent, "to both"));
        assertThat(toA).containsExactly("to both");
        assertThat(toC).isEmpty();
        assertThat(c.sendToNodesOf(List.of(nowhere), "lost", true).block()).isZero();
    }

    private static List<String> concat(List<String> first, String last) {
        List<String> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }

    @Test
    void aBroadcastReachesEveryListeningNodeTheSenderIncluded() {
        Routing a = node("a");
        Routing b = node("b");
        List<String> toA = new CopyOnWriteArrayList<>();
        List<String> toB = new CopyOnWriteArrayList<>();
        a.listen(toA::add).then(b.listen(toB::add)).block();

        a.broadcast("queue changed").block();

        await().atMost(PATIENCE).until(() -> toA.contains("queue changed") && toB.contains("queue changed"));
    }

    @Test
    void closingANodeUnregistersItsUsers() {
        Routing a = newNode("closing-" + UUID.randomUUID());
        Routing b = node("b");
        UUID user = UUID.randomUUID();
        a.register(user).block();

        a.close();

        assertThat(b.nodesOf(List.of(user)).block()).containsEntry(user, Set.of());
    }
}
