package dev.parley.standalone.config;

import dev.parley.standalone.database.DataDirectory;
import dev.parley.standalone.database.DataDirectoryInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in two lines, instead of a stack trace, why a second Parley on a data directory did not start. */
public final class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other Parley, or start this one with " + DataDirectory.VARIABLE + "=<another directory>.", cause);
    }
}
