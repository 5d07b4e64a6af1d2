package dev.parley.testsupport;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;

import org.slf4j.LoggerFactory;

/**
 * Sets the broker's loggers to WARN in Logback. Spring Boot resets Logback whenever it starts a
 * context, which would undo that, so the levels are put back after every reset by a reset-resistant
 * listener; Boot then applies configured levels ({@code logging.level.kafka=INFO}) on top, so users
 * can still turn them up. Only loaded when Logback is present.
 */
final class LogbackBrokerLevels implements LoggerContextListener {

    private static boolean installed; // guarded by LogbackBrokerLevels.class

    private final List<String> loggerNames;

    private LogbackBrokerLevels(List<String> loggerNames) {
        this.loggerNames = loggerNames;
    }

    static synchronized void install(List<String> loggerNames) {
        if (installed || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        LogbackBrokerLevels listener = new LogbackBrokerLevels(loggerNames);
        context.addListener(listener);
        listener.apply(context);
        installed = true;
    }

    private void apply(LoggerContext context) {
        for (String name : loggerNames) {
            Logger logger = context.getLogger(name);
            // A level set by the user's logback configuration wins.
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARN);
            }
        }
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }

    @Override
    public void onStart(LoggerContext context) {
        // nothing to do: levels are applied on install and after each reset
    }

    @Override
    public void onReset(LoggerContext context) {
        apply(context);
    }

    @Override
    public void onStop(LoggerContext context) {
        // nothing to do
    }

    @Override
    public void onLevelChange(Logger logger, Level level) {
        // a deliberate change stands
    }
}
