package dev.parley.testsupport;

import java.time.Duration;
import java.util.List;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/** Key housekeeping for {@link TestRedis}, over a short-lived Lettuce connection. */
final class RedisKeys {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int SCAN_BATCH = 500;

    private RedisKeys() {
    }

    /** Deletes every key starting with {@code prefix}; returns how many were deleted. */
    static long deleteWithPrefix(RedisEndpoint server, String prefix) {
        return withCommands(server, commands -> {
            long deleted = 0;
            ScanArgs matching = ScanArgs.Builder.matches(glob(prefix) + "*").limit(SCAN_BATCH);
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = commands.scan(cursor, matching);
                List<String> keys = page.getKeys();
                if (!keys.isEmpty()) {
                    // UNLINK frees memory in the background, so a large cleanup does not block the server.
                    deleted += commands.unlink(keys.toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
            return deleted;
        });
    }

    /** Counts the keys starting with {@code prefix}. */
    static long countWithPrefix(RedisEndpoint server, String prefix) {
        return withCommands(server, commands -> {
            long count = 0;
            ScanArgs matching = ScanArgs.Builder.matches(glob(prefix) + "*").limit(SCAN_BATCH);
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = commands.scan(cursor, matching);
                count += page.getKeys().size();
                cursor = page;
            } while (!cursor.isFinished());
            return count;
        });
    }

    private static long withCommands(RedisEndpoint server, RedisWork work) {
        RedisURI uri = RedisURI.create(server.uri());
        uri.setTimeout(TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return work.run(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, TIMEOUT);
        }
    }

    /** Escapes glob metacharacters so the prefix matches literally. */
    static String glob(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    @FunctionalInterface
    private interface RedisWork {
        long run(RedisCommands<String, String> commands);
    }
}
