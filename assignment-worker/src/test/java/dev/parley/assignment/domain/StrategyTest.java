package dev.parley.assignment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which agent each strategy picks, case by case. */
class StrategyTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final UUID SALES = UUID.fromString("00000000-0000-7000-8000-00000000d001");
    private static final UUID BILLING = UUID.fromString("00000000-0000-7000-8000-00000000d002");
    private static final Duration FALLBACK = Duration.ofMinutes(2);

    // The cast: ids sort as ann < bob < cid < dan < eve.
    private static final UUID ANN = UUID.fromString("00000000-0000-7000-8000-0000000000a1");
    private static final UUID BOB = UUID.fromString("00000000-0000-7000-8000-0000000000a2");
    private static final UUID CID = UUID.fromString("00000000-0000-7000-8000-0000000000a3");
    private static final UUID DAN = UUID.fromString("00000000-0000-7000-8000-0000000000a4");

    private static AgentSeat agent(UUID id, String status, int open, int max, int idleMinutes, UUID... departments) {
        return new AgentSeat(id, status, max, open, NOW.minus(Duration.ofMinutes(idleMinutes)), Set.of(departments));
    }

    private static AgentSeat online(UUID id, int open, int idleMinutes, UUID... departments) {
        return agent(id, "ONLINE", open, 3, idleMinutes, departments);
    }

    private static WaitingConversation waiting(UUID department, int minutes) {
        return new WaitingConversation(UUID.fromString("00000000-0000-7000-8000-00000000c001"), department,
                NOW.minus(Duration.ofMinutes(minutes)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("least_busy_takes_fewest_open", Strategy.LEAST_BUSY, waiting(SALES, 0),
                        List.of(online(ANN, 2, 50, SALES), online(BOB, 1, 1, SALES)), null, BOB),
                Arguments.of("least_busy_ties_go_to_longest_idle", Strategy.LEAST_BUSY, waiting(SALES, 0),
                        List.of(online(ANN, 1, 5, SALES), online(BOB, 1, 30, SALES), online(CID, 1, 10, SALES)), null, BOB),
                Arguments.of("full_agent_gets_nothing", Strategy.LEAST_BUSY, waiting(SALES, 0),
                        List.of(online(ANN, 3, 99, SALES), online(BOB, 2, 1, SALES)), null, BOB),
                Arguments.of("away_busy_offline_get_nothing", Strategy.LEAST_BUSY, waiting(SALES, 0),
                        List.of(agent(ANN, "AWAY", 0, 3, 9, SALES), agent(BOB, "BUSY", 0, 3, 9, SALES),
                                agent(CID, "OFFLINE", 0, 3, 9, SALES)), null, null),
                Arguments.of("zero_capacity_gets_nothing", Strategy.LEAST_BUSY, waiting(SALES, 0),
                        List.of(agent(ANN, "ONLINE", 0, 0, 9, SALES)), null, null),
                Arguments.of("other_department_gets_nothing", Strategy.LEAST_BUSY, waiting(SALES, 60),
                        List.of(online(ANN, 0, 9, BILLING)), null, null),
                Arguments.of("round_robin_starts_at_first", Strategy.ROUND_ROBIN, waiting(SALES, 0),
                        List.of(online(CID, 0, 1, SALES), online(BOB, 2, 1, SALES)), null, BOB),
                Arguments.of("round_robin_takes_the_next_after_last", Strategy.ROUND_ROBIN, waiting(SALES, 0),
                        List.of(online(ANN, 0, 1, SALES), online(BOB, 2, 1, SALES), online(CID, 0, 1, SALES)), ANN, BOB),
                Arguments.of("round_robin_wraps_around", Strategy.ROUND_ROBIN, waiting(SALES, 0),
                        List.of(online(ANN, 1, 1, SALES), online(BOB, 0, 1, SALES)), BOB, ANN),
                Arguments.of("round_robin_skips_a_full_agent", Strategy.ROUND_ROBIN, waiting(SALES, 0),
                        List.of(online(ANN, 0, 1, SALES), online(BOB, 3, 1, SALES), online(CID, 0, 1, SALES)), ANN, CID),
                Arguments.of("round_robin_last_agent_gone_offline", Strategy.ROUND_ROBIN, waiting(SALES, 0),
                        List.of(online(ANN, 0, 1, SALES), online(DAN, 0, 1, SALES)), CID, DAN),
                Arguments.of("skills_prefers_the_department", Strategy.SKILLS, waiting(SALES, 0),
                        List.of(online(ANN, 0, 99, BILLING), online(BOB, 2, 1, SALES)), null, BOB),
                Arguments.of("skills_waits_before_falling_back", Strategy.SKILLS, waiting(SALES, 1),
                        List.of(online(ANN, 0, 99, BILLING)), null, null),
                Arguments.of("skills_falls_back_to_anyone_after_the_wait", Strategy.SKILLS, waiting(SALES, 2),
                        List.of(online(ANN, 0, 99, BILLING), online(BOB, 3, 1, SALES)), null, ANN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void picks(String name, Strategy strategy, WaitingConversation conversation, List<AgentSeat> agents,
               UUID lastAssigned, UUID expected) {
        Optional<AgentSeat> chosen = strategy.router(FALLBACK).choose(conversation, agents, NOW, lastAssigned);

        assertThat(chosen.map(AgentSeat::id)).isEqualTo(Optional.ofNullable(expected));
    }
}
