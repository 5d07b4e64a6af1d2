package dev.parley.conversation.outbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TopicRunTest {

    static Stream<Arguments> batches() {
        return Stream.of(
                Arguments.of("empty_batch", "", List.of()),
                Arguments.of("one_topic_is_one_run", "c c c", List.of("c:1,2,3")),
                Arguments.of("a_topic_change_starts_a_run", "c c a c", List.of("c:1,2", "a:3", "c:4")),
                Arguments.of("runs_keep_id_order", "a c c a a", List.of("a:1", "c:2,3", "a:4,5")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void splitsABatchIntoConsecutiveRunsOfOneTopicInIdOrder(String name, String topics, List<String> expected) {
        List<PendingEvent> batch = batch(topics);

        List<String> runs = TopicRun.runsOf(batch).stream()
                .map(run -> run.topic() + ":" + String.join(",", run.ids().stream().map(String::valueOf).toList()))
                .toList();

        assertThat(runs).containsExactlyElementsOf(expected);
    }

    @Test
    void aRunIsNeverEmpty() {
        assertThatThrownBy(() -> new TopicRun("c", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** "c a" → events 1 on topic c, 2 on topic a. */
    private static List<PendingEvent> batch(String topics) {
        List<String> names = topics.isBlank() ? List.of() : Arrays.asList(topics.split(" "));
        return Stream.iterate(1, id -> id + 1).limit(names.size())
                .map(id -> new PendingEvent(id, names.get(id - 1), "key", new byte[0], java.time.Instant.EPOCH))
                .toList();
    }
}
