package dev.parley.standalone.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive right of one process to a data directory: an OS file lock on its {@code parley.lock},
 * which names the holder's pid. The OS drops the lock when the process dies however it dies, so a
 * crash never leaves the directory locked; a second Parley on the directory is refused instead of
 * starting a second PostgreSQL on the same files.
 */
final class DirectoryLock implements AutoCloseable {

    /**
     * Lock files this JVM holds. Checked before the file is opened at all: on POSIX systems closing
     * any descriptor of a file drops every lock the process has on it, so a refused second attempt
     * from this JVM must not open and close the file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws DataDirectoryInUseException when another process, or this one, holds the directory */
    static DirectoryLock acquire(DataDirectory directory) {
        Path file = directory.lockFile();
        if (!HELD.add(file)) {
            throw new DataDirectoryInUseException(directory.root(), "this process, pid " + ProcessHandle.current().pid());
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String owner = owner(file);
                channel.close();
                throw new DataDirectoryInUseException(directory.root(), owner);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new DirectoryLock(file, channel, lock);
        } catch (IOException e) {
            HELD.remove(file);
            throw new UncheckedIOException("could not lock " + file, e);
        } catch (RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String owner(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "pid unknown" : "pid " + pid;
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    /** Lets go; the file stays, naming the last holder, and is reused by the next. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release " + file, e);
        } finally {
            HELD.remove(file);
        }
    }
}
