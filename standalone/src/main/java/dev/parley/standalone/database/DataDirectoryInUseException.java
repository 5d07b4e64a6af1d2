package dev.parley.standalone.database;

import java.nio.file.Path;

/** Another Parley (or this one) runs on the data directory: one PostgreSQL per data directory, ever. */
public final class DataDirectoryInUseException extends IllegalStateException {

    private final transient Path directory;

    DataDirectoryInUseException(Path directory, String owner) {
        super("The data directory " + directory + " is in use by another Parley (" + owner + "). Stop that one,"
                + " or give this one a directory of its own with " + DataDirectory.VARIABLE + ".");
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
