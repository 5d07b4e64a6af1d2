package dev.parley.gateway.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.events.Audience;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Over a mixed load of customers' and agents' sockets and random audiences: an agents-only event
 * never reaches a customer whatever its user list says, and every socket the audience admits gets it.
 */
class DeliveryPolicyProperties {

    private static final List<UUID> USERS = ids(12);
    private static final List<UUID> DEPARTMENTS = ids(3);

    record Load(List<Principal> sockets, List<Audience> events) {
    }

    @Property(tries = 200)
    void agentsOnlyEventsNeverReachACustomerSocket(@ForAll("loads") Load load) {
        var table = new SessionTable<Principal>(principal -> principal);
        load.sockets().forEach(table::add);

        for (Audience audience : load.events()) {
            List<Principal> recipients = table.recipients(audience);

            if (audience.agentsOnly()) {
                assertThat(recipients).allMatch(Principal::isAgent);
            }
            for (Principal socket : load.sockets()) {
                boolean named = audience.users().contains(socket.userId());
                boolean byDepartment = socket.isAgent() && (audience.named().contains(Audience.ALL_AGENTS)
                        || socket.departments().stream().anyMatch(d -> audience.named().contains(Audience.department(d))));
                boolean expected = (named || byDepartment) && (!audience.agentsOnly() || socket.isAgent());
                assertThat(recipients.contains(socket)).as("%s for %s", socket, audience).isEqualTo(expected);
            }
        }
    }

    @Provide
    Arbitrary<Load> loads() {
        Arbitrary<Principal> socket = Combinators.combine(
                Arbitraries.of(USERS), Arbitraries.of(Principal.Role.class),
                Arbitraries.of(DEPARTMENTS).set().ofMaxSize(2)).as((user, role, departments) ->
                new Principal(user, role, null, role.isAgent() ? departments : Set.of()));
        Arbitrary<Audience> audience = Combinators.combine(
                Arbitraries.of(USERS).set().ofMaxSize(6),
                Arbitraries.of(named()).set().ofMaxSize(2),
                Arbitraries.of(Audience.Visibility.class)).as(Audience::new);
        return Combinators.combine(socket.list().ofMinSize(1).ofMaxSize(30), audience.list().ofMaxSize(20))
                .as(Load::new)
                // a user is a customer or an agent, never both
                .filter(load -> load.sockets().stream().map(p -> Tuple.of(p.userId(), p.isAgent())).distinct().count()
                        == load.sockets().stream().map(Principal::userId).distinct().count());
    }

    private static List<String> named() {
        List<String> names = new ArrayList<>();
        names.add(Audience.ALL_AGENTS);
        DEPARTMENTS.forEach(d -> names.add(Audience.department(d)));
        return names;
    }

    private static List<UUID> ids(int count) {
        Set<UUID> ids = new HashSet<>();
        while (ids.size() < count) {
            ids.add(UUID.randomUUID());
        }
        return List.copyOf(ids);
    }
}
