package org.swarmport.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Reads Swarmport's settings: a system property {@code swarmport.tracker.mode} first, then the
 * environment variable {@code SWARMPORT_TRACKER_MODE}, then the default. Every setting has a
 * default that runs out of the box; a value that cannot be used throws
 * {@link InvalidSettingException} naming the variable, which stops the deployment.
 *
 * <p>It lives in the db module because that is the one server-side module both wars share.
 */
public final class Settings {

    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;

    public Settings(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    public static Settings fromSystem() {
        return new Settings(System::getProperty, System::getenv);
    }

    /** The raw value, or null when neither the property nor the variable is set (or is blank). */
    public String raw(String variable) {
        String value = systemProperties.apply(propertyName(variable));
        if (value == null || value.isBlank()) {
            value = environment.apply(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String string(String variable, String defaultValue) {
        String value = raw(variable);
        return value == null ? defaultValue : value;
    }

    public int integer(String variable, int defaultValue, int min, int max) {
        String value = raw(variable);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new InvalidSettingException(variable,
                "must be a whole number from " + min + " to " + max + ", got '" + shown(value) + "'");
    }

    public <E extends Enum<E>> E choice(String variable, Class<E> type, E defaultValue) {
        String value = raw(variable);
        if (value == null) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            accepted.append(accepted.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new InvalidSettingException(variable, "must be one of " + accepted + ", got '" + shown(value) + "'");
    }

    /** {@code true}/{@code false}, also {@code on}/{@code off}, {@code yes}/{@code no}, {@code 1}/{@code 0}. */
    public boolean flag(String variable, boolean defaultValue) {
        String value = raw(variable);
        if (value == null) {
            return defaultValue;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1":
                return true;
            case "false", "off", "no", "0":
                return false;
            default:
                throw new InvalidSettingException(variable, "must be true or false, got '" + shown(value) + "'");
        }
    }

    /** An absolute http or https URL, without a trailing slash. */
    public URI httpUrl(String variable, String defaultValue) {
        String value = string(variable, defaultValue);
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidSettingException(variable, "must be an http:// or https:// URL, got '" + shown(value) + "'");
    }

    /** {@code SWARMPORT_TRACKER_MODE} is also read as the system property {@code swarmport.tracker.mode}. */
    static String propertyName(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Enough of a bad value to recognise it, never a whole pasted secret. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
