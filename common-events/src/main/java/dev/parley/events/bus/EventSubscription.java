package dev.parley.events.bus;

import java.util.Set;

/** A member of a consumer group. Closing it leaves the group; its unacknowledged events are redelivered. */
public interface EventSubscription extends AutoCloseable {

    /** The partitions this member owns right now (empty until the group has assigned it some). */
    Set<Integer> assignedPartitions();

    @Override
    void close();
}
