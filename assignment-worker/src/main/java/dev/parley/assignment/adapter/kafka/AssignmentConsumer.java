package dev.parley.assignment.adapter.kafka;

import dev.parley.assignment.application.ReactingToEvents;
import dev.parley.events.Topics;
import dev.parley.events.bus.EventBus;
import dev.parley.events.bus.EventSubscription;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the worker's consumer group on the conversation and agent topics. Instances of the worker
 * share the partitions; an event in flight when an instance stops is handled again by another,
 * which {@link ReactingToEvents} tolerates.
 */
public final class AssignmentConsumer {

    private final EventBus bus;
    private final Topics topics;
    private final String group;
    private final ReactingToEvents reacting;
    private final List<EventSubscription> subscriptions = new ArrayList<>();

    public AssignmentConsumer(EventBus bus, Topics topics, String group, ReactingToEvents reacting) {
        this.bus = bus;
        this.topics = topics;
        this.group = group;
        this.reacting = reacting;
    }

    public synchronized void start() {
        if (subscriptions.isEmpty()) {
            subscriptions.add(bus.subscribe(topics.conversationEvents(), group, reacting::on));
            subscriptions.add(bus.subscribe(topics.agentEvents(), group, reacting::on));
        }
    }

    public synchronized void stop() {
        subscriptions.forEach(EventSubscription::close);
        subscriptions.clear();
    }
}
