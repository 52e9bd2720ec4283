package io.footfall.config;

/** A setting is invalid; the message names the environment variable so the operator can fix it. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
