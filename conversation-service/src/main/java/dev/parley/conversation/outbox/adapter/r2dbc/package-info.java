/**
 * The outbox on PostgreSQL through R2DBC. The writer uses Spring's {@code DatabaseClient} so it
 * joins the caller's reactive transaction. The relay's lease is a session-level advisory lock
 * ({@code pg_try_advisory_lock}) on a connection opened outside the pool; the same session
 * LISTENs on {@code parley_outbox} (notified by the V4 insert trigger), reads and marks rows. If
 * that session dies, PostgreSQL frees the lock as soon as it notices the connection is gone; keep
 * TCP keepalives on so a half-open connection is noticed too. r2dbc-postgresql types stay in this
 * package.
 */
package dev.parley.conversation.outbox.adapter.r2dbc;
