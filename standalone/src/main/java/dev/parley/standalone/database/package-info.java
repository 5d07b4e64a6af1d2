/**
 * Standalone's embedded PostgreSQL: the same database code as a cluster's, on a server this process
 * runs over a data directory that survives restarts ({@link dev.parley.standalone.database.DataDirectory}).
 *
 * <p>Invariants:
 * <ul>
 *   <li><b>One server per data directory.</b> A process holds the directory's lock
 *       ({@code parley.lock}, an OS file lock the OS drops when the process dies) from before the
 *       server starts until after it stopped; a second Parley on the directory is refused with a
 *       {@link dev.parley.standalone.database.DataDirectoryInUseException}.</li>
 *   <li><b>A crash leaves nothing to clean by hand.</b> With the lock held, a {@code postmaster.pid}
 *       left behind is either PostgreSQL's to recover (its process is gone) or an orphaned server
 *       (the JVM was killed, its server was not), which is stopped first; see
 *       {@code StalePostmaster}.</li>
 *   <li><b>Acknowledged means on disk:</b> {@code fsync} and {@code synchronous_commit} are on.</li>
 * </ul>
 *
 * <p>Shutdown order: the server outlives everything that uses it. It is started before the Spring
 * context (its address goes into the context's settings) and handed to the context as a bean that
 * the R2DBC connection factory and Flyway depend on, so the context stops the web server and the
 * outbox relay (lifecycle phases), then closes the connection pool, and only then stops the server
 * with a fast shutdown, on {@code close()} as on Ctrl-C (Spring's shutdown hook). A start that fails
 * before the context took it stops it at once ({@code config.EmbeddedDatabaseStartup}).
 */
package dev.parley.standalone.database;
