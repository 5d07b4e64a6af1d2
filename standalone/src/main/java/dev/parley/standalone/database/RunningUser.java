package dev.parley.standalone.database;

/** Who this process runs as, for PostgreSQL's refusal to run as root. */
final class RunningUser {

    private RunningUser() {
    }

    static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | RuntimeException e) {
            // A runtime without the jdk.security.auth module, or not Unix: the name is the next best sign.
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
