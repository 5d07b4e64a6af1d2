package dev.parley.bench.load;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * The support floor's load generator, alone in its JVM so its CPU time is its own. It holds the
 * cast's sockets and, step by step, sends {@code message.send} open loop: message {@code i} is meant
 * for {@code start + i / rate} and goes to customer {@code i mod customers}, so intended send times
 * are spread evenly over the customers. One pacer thread writes; {@code -Dparley.bench.loops} Netty
 * event loops (default 2) read; frames are scanned as bytes, never parsed into trees.
 *
 * <p>Driven by the benchmark over stdin, one command a line; answers on stdout with lines that start
 * with {@code @} (everything else is diagnostics):
 * <ul>
 *   <li>{@code connect} → {@code @connected}</li>
 *   <li>{@code step <name> <rate> <seconds> <drain-seconds>} → {@code @window-start <name>} when the first
 *       message is due, {@code @window-end <name>} after the last, then {@code @result <json>} once every
 *       message of the step is answered and read (or the drain time is up: {@code drained} false)</li>
 *   <li>{@code reset <quiet-seconds>} → closes the customers' sockets, waits until nothing moves (at most
 *       that long), reconnects everyone (agents too, resuming, if their reads were still pending), waits for
 *       quiet again, {@code @reset <json>}</li>
 *   <li>{@code finish <drain-seconds>} → waits until every acknowledged message has been read by its
 *       agent (at most that long), {@code @final <json>} with the run's loss, duplicate and order counts</li>
 *   <li>{@code quit}</li>
 * </ul>
 * Argument: the cast file (JSON, {@link Floor.Cast}).
 */
public final class FloorLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long POLL = TimeUnit.MILLISECONDS.toNanos(50);

    private final Floor floor;
    private final PrintStream out;

    private FloorLoad(Floor floor, PrintStream out) {
        this.floor = floor;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Floor.Cast cast = JSON.readValue(Files.readString(Path.of(args[0])), Floor.Cast.class);
        ReadPolicy policy = ReadPolicy.parse(System.getProperty("parley.bench.agent-read", "each"));
        int perAddress = Integer.getInteger("parley.bench.sockets-per-address", 20);
        var loops = new MultiThreadIoEventLoopGroup(Integer.getInteger("parley.bench.loops", 2), NioIoHandler.newFactory());
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        var load = new FloorLoad(new Floor(loops, cast, policy, perAddress), out);
        System.err.println("floor: " + cast.customers().size() + " customers, " + cast.agents().size() + " agents, read " + policy);
        var commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line = commands.readLine(); line != null && !line.equals("quit"); line = commands.readLine()) {
                load.command(line.strip().split(" "));
            }
        } finally {
            load.floor.close(true);
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private void command(String[] words) {
        try {
            switch (words[0]) {
                case "connect" -> {
                    floor.connectAll(Duration.ofMinutes(3));
                    out.println("@connected");
                }
                case "step" -> step(words[1], Integer.parseInt(words[2]), Integer.parseInt(words[3]),
                        Duration.ofSeconds(Long.parseLong(words[4])));
                case "reset" -> reset(Duration.ofSeconds(Long.parseLong(words[1])));
                case "finish" -> finish(Duration.ofSeconds(Long.parseLong(words[1])));
                default -> out.println("@error unknown command " + words[0]);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            out.println("@error " + e);
        }
    }

    private void step(String name, int rate, int seconds, Duration drain) {
        Ledger ledger = floor.ledger();
        long count = (long) rate * seconds;
        long readsBefore = readsSent();
        long copiesBefore = departmentCopies();
        Step step = ledger.begin(name, rate, count, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
        int customers = floor.customers().size();
        parkUntil(step.start);
        out.println("@window-start " + name);
        long deliveriesAtStart = ledger.deliveries.get();
        for (long index = step.first; index < step.first + count; index++) {
            parkUntil(step.intended(index));
            if (floor.customers().get((int) (index % customers)).sendMessage(index)) {
                ledger.mark(index, Ledger.SENT);
                step.sent.incrementAndGet();
            } else {
                step.notSent.incrementAndGet();
            }
        }
        parkUntil(step.end());
        long deliveredInWindow = ledger.deliveries.get() - deliveriesAtStart;
        long windowNanos = System.nanoTime() - step.start;
        out.println("@window-end " + name);
        long drainStart = System.nanoTime();
        long deadline = drainStart + drain.toNanos();
        boolean drained;
        while (!(drained = settled(step)) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", name);
        result.put("rate", rate);
        result.put("seconds", seconds);
        result.put("windowSeconds", windowNanos / 1e9);
        result.put("sent", step.sent.get());
        result.put("notSent", step.notSent.get());
        result.put("acked", step.acked.get());
        result.put("errored", step.errored.get());
        result.put("errors", step.errorCounts());
        result.put("delivered", step.delivered.get());
        result.put("deliveredInWindow", deliveredInWindow);
        result.put("drained", drained);
        result.put("drainSeconds", (System.nanoTime() - drainStart) / 1e9);
        result.put("endToEnd", percentiles(step.endToEnd));
        result.put("commandLeg", percentiles(step.commandLeg));
        result.put("deliveryLeg", percentiles(step.deliveryLeg));
        result.put("readsSent", readsSent() - readsBefore);
        result.put("departmentCopies", departmentCopies() - copiesBefore);
        result.put("readErrors", readErrors());
        result.put("closes", floor.closes());
        out.println("@result " + JSON.writeValueAsString(result));
    }

    /** Every message of the step answered, every acknowledged one read by its agent, every read answered. */
    private boolean settled(Step step) {
        return step.acked.get() + step.errored.get() >= step.sent.get() && step.delivered.get() >= step.acked.get()
                && readsPending() <= 0;
    }

    private void reset(Duration quietLimit) {
        floor.close(false);
        boolean quietAfterClose = awaitQuiet(quietLimit);
        boolean readsPending = readsPending() > 0;
        if (readsPending) {
            floor.agents().forEach(Client::close);
        }
        floor.moveToFreshAddresses();
        floor.connectAll(Duration.ofMinutes(3));
        // agents that reconnected resume: their replays, and anything still on its way, settle first
        boolean quietAfterReconnect = awaitQuiet(quietLimit);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("quietAfterClose", quietAfterClose);
        result.put("agentsReconnected", readsPending);
        result.put("quietAfterReconnect", quietAfterReconnect);
        out.println("@reset " + JSON.writeValueAsString(result));
    }

    /** Waits until nothing has arrived for 3 s, at most {@code limit}; whether it got there. */
    private boolean awaitQuiet(Duration limit) {
        long still = TimeUnit.SECONDS.toNanos(3);
        long deadline = System.nanoTime() + limit.toNanos();
        long lastChange = System.nanoTime();
        long signature = motion();
        while (System.nanoTime() < deadline && System.nanoTime() - lastChange < still) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            long now = motion();
            if (now != signature) {
                signature = now;
                lastChange = System.nanoTime();
            }
        }
        return System.nanoTime() - lastChange >= still;
    }

    /** Changes while anything still arrives: deliveries, answers to sends and to reads. */
    private long motion() {
        long answers = 0;
        for (Step step : floor.ledger().steps()) {
            answers += step.acked.get() + step.errored.get();
        }
        return floor.ledger().deliveries.get() * 31 + answers * 17 + readsAnswered() * 7 + departmentCopies();
    }

    private void finish(Duration drain) {
        long deadline = System.nanoTime() + drain.toNanos();
        Ledger.Totals totals = floor.ledger().totals();
        while (totals.lost() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            totals = floor.ledger().totals();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sent", totals.sent());
        result.put("acked", totals.acked());
        result.put("errored", totals.errored());
        result.put("unanswered", totals.unanswered());
        result.put("lost", totals.lost());
        result.put("duplicated", totals.duplicated());
        result.put("reordered", totals.reordered());
        result.put("committedLateAfterAnError", totals.committedLateAfterAnError());
        result.put("departmentCopies", departmentCopies());
        result.put("gapFills", floor.agents().stream().mapToLong(agent -> agent.gapFills.get()).sum());
        result.put("seenAgain", floor.agents().stream().mapToLong(agent -> agent.seenAgain.get()).sum());
        result.put("readsSent", readsSent());
        result.put("readsAnswered", readsAnswered());
        result.put("readErrors", readErrors());
        result.put("closes", floor.closes());
        out.println("@final " + JSON.writeValueAsString(result));
    }

    private long readsSent() {
        return floor.agents().stream().mapToLong(agent -> agent.readsSent.get()).sum();
    }

    private long departmentCopies() {
        return floor.agents().stream().mapToLong(agent -> agent.departmentCopies.get()).sum();
    }

    private long readsPending() {
        return floor.agents().stream().mapToLong(Agent::readsPending).sum();
    }

    private long readsAnswered() {
        return floor.agents().stream().mapToLong(agent -> agent.readsAnswered.get()).sum();
    }

    private Map<String, Long> readErrors() {
        Map<String, Long> counts = new TreeMap<>();
        floor.agents().forEach(agent -> agent.readErrors.forEach((code, adder) -> counts.merge(code, adder.sum(), Long::sum)));
        return counts;
    }

    private static Map<String, Object> percentiles(Histogram histogram) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("count", histogram.getTotalCount());
        values.put("p50", ms(histogram.getValueAtPercentile(50)));
        values.put("p99", ms(histogram.getValueAtPercentile(99)));
        values.put("p999", ms(histogram.getValueAtPercentile(99.9)));
        values.put("max", ms(histogram.getMaxValue()));
        return values;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }

    private static void parkUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
