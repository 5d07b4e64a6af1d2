package dev.parley.conversation.shared.adapter.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * One transaction of the {@link MemoryDatabase}: it holds the database's write lock from begin to
 * end, writes straight into the tables and keeps an undo log, so a rollback restores exactly what
 * it changed. Statements of one transaction never run at the same time (they synchronise on it),
 * and none runs after it ended.
 */
public final class MemoryTransaction {

    private final WriteLock.Permit permit;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private boolean ended;

    MemoryTransaction(WriteLock.Permit permit) {
        this.permit = permit;
    }

    /** Runs one statement of this transaction. */
    synchronized <T> T run(Function<MemoryTransaction, T> statement) {
        if (ended) {
            throw new IllegalStateException("the transaction has ended");
        }
        return statement.apply(this);
    }

    /** Records how to take back a write; called by {@link MemoryTable} for every change. */
    void onRollback(Runnable restore) {
        undo.push(restore);
    }

    /** Runs {@code action} once the transaction committed (never on rollback), after the lock is released. */
    public synchronized void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    synchronized void commit() {
        if (end()) {
            undo.clear();
            permit.release();
            afterCommit.forEach(Runnable::run);
        }
    }

    synchronized void rollback() {
        if (end()) {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
            permit.release();
        }
    }

    private boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }
}
