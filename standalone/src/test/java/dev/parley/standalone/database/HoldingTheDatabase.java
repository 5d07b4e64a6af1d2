package dev.parley.standalone.database;

import java.nio.file.Path;

/**
 * A process that starts the embedded database on a directory, writes a row, says
 * {@code running <server pid>} and waits to be killed: the crashed Parley of {@link EmbeddedDatabaseIT}.
 */
public final class HoldingTheDatabase {

    private HoldingTheDatabase() {
    }

    public static void main(String[] arguments) throws Exception {
        var database = EmbeddedDatabase.start(new DataDirectory(Path.of(arguments[0])));
        EmbeddedDatabaseIT.execute(database, "CREATE TABLE kept (answer int); INSERT INTO kept VALUES (42)");
        System.out.println("running " + database.serverPid());
        System.out.flush();
        // held until the test kills this process: nothing to wait for but the kill
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
