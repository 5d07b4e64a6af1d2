package dev.parley.conversation.outbox.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive pending events that go to the same topic. A batch read in id order is published as
 * its runs, one after another, so every key sees its events in id order even when topics
 * interleave (the bus publishes one topic per call).
 */
public record TopicRun(String topic, List<PendingEvent> events) {

    public TopicRun {
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a run holds at least one event");
        }
    }

    /** Splits events, in the order given, into maximal runs of one topic. */
    public static List<TopicRun> runsOf(List<PendingEvent> events) {
        List<TopicRun> runs = new ArrayList<>();
        List<PendingEvent> current = new ArrayList<>();
        for (PendingEvent event : events) {
            if (!current.isEmpty() && !current.get(0).topic().equals(event.topic())) {
                runs.add(new TopicRun(current.get(0).topic(), current));
                current = new ArrayList<>();
            }
            current.add(event);
        }
        if (!current.isEmpty()) {
            runs.add(new TopicRun(current.get(0).topic(), current));
        }
        return runs;
    }

    public List<Long> ids() {
        return events.stream().map(PendingEvent::id).toList();
    }
}
