package dev.parley.gateway;

import dev.parley.gateway.socket.application.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * A connection without a network, which records what was written and how it was closed. Its
 * client reads everything at once, or, after {@link #stopReading}, nothing until {@link #read}.
 */
public class FakeWire implements Wire {

    private final String id = UUID.randomUUID().toString();
    /** Pings sent. */
    public final AtomicInteger pings = new AtomicInteger();
    /** The text frames that went out, in order. */
    public final List<String> written = new CopyOnWriteArrayList<>();
    /** The first close asked for, sent or not. */
    public volatile CloseStatus closeRequested;
    /** The close that went out: at once, or once the client read what was queued before it. */
    public volatile CloseStatus closedWith;
    private final List<Runnable> unread = new ArrayList<>();
    private final List<String> unreadFrames = new ArrayList<>();
    private boolean reading = true;
    private CloseStatus closeAfterUnread;
    private Runnable onClose = () -> { };

    /** The client stops reading: frames, and a close after them, stay queued and their write never completes. */
    public synchronized FakeWire stopReading() {
        reading = false;
        return this;
    }

    /** The client reads everything queued, and from now on everything at once. */
    public void read() {
        List<Runnable> completions;
        CloseStatus close;
        synchronized (this) {
            reading = true;
            written.addAll(unreadFrames);
            unreadFrames.clear();
            completions = new ArrayList<>(unread);
            unread.clear();
            close = closeAfterUnread;
        }
        completions.forEach(Runnable::run);
        if (close != null) {
            abort(close);
        }
    }

    /** Runs when the connection closes (the handler's part). */
    public FakeWire onClose(Runnable onClose) {
        this.onClose = onClose;
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public void write(byte[] utf8, Runnable done) {
        String text = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
        synchronized (this) {
            if (!reading) {
                unreadFrames.add(text);
                unread.add(done);
                return;
            }
            written.add(text);
        }
        done.run();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close(CloseStatus status) {
        synchronized (this) {
            if (closeRequested == null) {
                closeRequested = status;
            }
            if (!reading) {
                if (closeAfterUnread == null) {
                    closeAfterUnread = status;
                }
                return;
            }
        }
        abort(status);
    }

    @Override
    public void ping() {
        pings.incrementAndGet();
    }

    @Override
    public void abort(CloseStatus status) {
        synchronized (this) {
            if (closeRequested == null) {
                closeRequested = status;
            }
            if (closedWith != null) {
                return;
            }
            closedWith = status;
        }
        onClose.run();
    }
}
