package dev.parley.assignment.config;

import dev.parley.assignment.adapter.kafka.AssignmentConsumer;
import dev.parley.assignment.application.Sweeping;
import org.springframework.context.SmartLifecycle;

/**
 * Starts consuming and sweeping once the context is up (the web server too, so probes answer);
 * stops both first on shutdown, so in-flight events go back to the group before the bus closes.
 */
final class AssignmentLifecycle implements SmartLifecycle {

    private final AssignmentConsumer consumer;
    private final Sweeping sweeping;
    private volatile boolean running;

    AssignmentLifecycle(AssignmentConsumer consumer, Sweeping sweeping) {
        this.consumer = consumer;
        this.sweeping = sweeping;
    }

    @Override
    public void start() {
        consumer.start();
        sweeping.start();
        running = true;
    }

    @Override
    public void stop() {
        sweeping.stop();
        consumer.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
