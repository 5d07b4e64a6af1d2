package dev.parley.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The support-floor benchmark's settings, each a {@code -Dparley.bench.*} system property with a
 * default (one line each in docs/benchmarks.md).
 *
 * @param mode              {@code cluster}, {@code standalone} or {@code both}
 * @param rates             the cluster's steps, msg/s, in order
 * @param standaloneRates   the standalone mode's steps
 * @param stepSeconds       measured seconds per step
 * @param warmupSeconds     load before the first step, not reported: long enough for C2 (see the doc)
 * @param warmupRate        the warm-up's rate; 0: the first step's
 * @param drainSeconds      after a step's last send, how long its messages may take to be answered and read
 * @param quietSeconds      after a saturated step, how long to wait for the backlog to stop moving
 * @param finalDrainSeconds at the end, how long acknowledged messages may take to reach their agents
 * @param knee              whether to search for the knee after the listed steps (cluster)
 * @param standaloneKnee    the same for the standalone mode
 * @param kneeSteps         at most this many extra steps for the knee
 * @param kneeP99Millis     a step whose p99 (intended send → agent) is above this is past the knee
 * @param maxRate           the knee search never offers more
 * @param maxMinutes        no new step starts after this many minutes of a mode's run
 * @param conversations     open conversations, one customer each
 * @param agents            agents holding them, in one department; seats each = conversations / agents
 * @param agentRead         {@code each}, {@code none} or {@code <n>ms} (the agents' read receipts)
 * @param socketsPerAddress client sockets per source address 127.0.0.x
 * @param loadLoops         the load generator's event loops
 * @param profile           record a JFR profile per JVM
 * @param postgresBin       where initdb and pg_ctl are
 * @param redisServer       the redis-server executable
 * @param standaloneJar     standalone's executable jar (the build passes it)
 */
record BenchSettings(String mode, List<Integer> rates, List<Integer> standaloneRates, int stepSeconds, int warmupSeconds,
                     int warmupRate, int drainSeconds, int quietSeconds, int finalDrainSeconds, boolean knee,
                     boolean standaloneKnee, int kneeSteps, double kneeP99Millis, int maxRate, int maxMinutes,
                     int conversations, int agents, String agentRead, int socketsPerAddress, int loadLoops, boolean profile,
                     Path postgresBin, String redisServer, String standaloneJar) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                System.getProperty("parley.bench.mode", "both"),
                rates(System.getProperty("parley.bench.rates", "250,500,1000,2000")),
                rates(System.getProperty("parley.bench.standalone-rates", "1000,2000")),
                Integer.getInteger("parley.bench.step-seconds", 60),
                Integer.getInteger("parley.bench.warmup", 120),
                Integer.getInteger("parley.bench.warmup-rate", 0),
                Integer.getInteger("parley.bench.drain", 30),
                Integer.getInteger("parley.bench.quiet", 30),
                Integer.getInteger("parley.bench.final-drain", 120),
                Boolean.parseBoolean(System.getProperty("parley.bench.knee", "true")),
                Boolean.parseBoolean(System.getProperty("parley.bench.standalone-knee", "false")),
                Integer.getInteger("parley.bench.knee-steps", 4),
                Double.parseDouble(System.getProperty("parley.bench.knee-p99-ms", "100")),
                Integer.getInteger("parley.bench.max-rate", 8000),
                Integer.getInteger("parley.bench.max-minutes", 25),
                Integer.getInteger("parley.bench.conversations", 1000),
                Integer.getInteger("parley.bench.agents", 20),
                System.getProperty("parley.bench.agent-read", "each"),
                Integer.getInteger("parley.bench.sockets-per-address", 20),
                Integer.getInteger("parley.bench.loops", 2),
                Boolean.getBoolean("parley.bench.profile"),
                Path.of(System.getProperty("parley.bench.postgres-bin", "/usr/lib/postgresql/15/bin")),
                System.getProperty("parley.bench.redis-server", "redis-server"),
                System.getProperty("parley.bench.standalone-jar", "../standalone/target/standalone-0.1.0-SNAPSHOT.jar"));
    }

    boolean runs(String which) {
        return mode.equals("both") || mode.equals(which);
    }

    int seatsPerAgent() {
        return (conversations + agents - 1) / agents;
    }

    private static List<Integer> rates(String list) {
        return list.isBlank() ? List.of() : Arrays.stream(list.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
