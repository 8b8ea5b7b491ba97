package dev.veto.core.install;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.veto.core.config.VetoConfigException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The SHA-256 digests an installation trusts, by plugin id ({@code veto.plugin-host.integrity}).
 *
 * <p>A pinned plugin loads only when its file's digest equals the pin; with {@code require-pins} an
 * unpinned plugin does not load at all. Pins are checked before any of a plugin's classes are loaded.
 */
public final class PluginPins {

    private static final String PATH = "veto.plugin-host.integrity";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Map<String, String> pins;
    private final boolean required;

    /**
     * Creates the pins.
     *
     * @param pins     digests by plugin id, lowercase hex, optionally prefixed with {@code sha256:}
     * @param required whether a plugin without a pin is refused
     * @throws IllegalArgumentException if a digest is not 64 hex digits
     */
    public PluginPins(Map<String, String> pins, boolean required) {
        Map<String, String> normalized = new TreeMap<>();
        pins.forEach((id, pin) -> {
            String digest = normalize(pin);
            if (digest == null) {
                throw new IllegalArgumentException("the pin of plugin '" + id + "' is not a SHA-256 digest "
                        + "(64 hex digits, optionally prefixed with 'sha256:'): " + pin);
            }
            normalized.put(id, digest);
        });
        this.pins = Map.copyOf(normalized);
        this.required = required;
    }

    /**
     * No pins, nothing required: every plugin loads.
     *
     * @return the pins
     */
    public static PluginPins none() {
        return new PluginPins(Map.of(), false);
    }

    /**
     * Reads {@code veto.plugin-host.integrity} from the host's configuration.
     *
     * @param config the host configuration
     * @return the pins
     * @throws VetoConfigException if a pin is not a string holding a SHA-256 digest
     */
    public static PluginPins from(Config config) {
        ConfigObject object = config.getObject(PATH + ".pins");
        Map<String, String> pins = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            ConfigValue value = entry.getValue();
            String digest = value.valueType() == ConfigValueType.STRING ? normalize((String) value.unwrapped()) : null;
            if (digest == null) {
                throw VetoConfigException.at(value.origin(), PATH + ".pins." + entry.getKey(),
                        "a pin is a SHA-256 digest: 64 hex digits, optionally prefixed with 'sha256:' "
                                + "(veto plugins verify prints them)");
            }
            pins.put(entry.getKey(), digest);
        }
        return new PluginPins(pins, config.getBoolean(PATH + ".require-pins"));
    }

    /**
     * Why a plugin file must not load, if it must not.
     *
     * @param pluginId the file's {@code Plugin-Id}
     * @param sha256   the file's digest
     * @return the refusal, or empty when the file may load
     */
    public Optional<String> refusal(String pluginId, String sha256) {
        String pin = pins.get(pluginId);
        if (pin == null) {
            return required
                    ? Optional.of("is not pinned and this installation requires pins (veto.plugin-host.integrity."
                    + "require-pins); it was not loaded. If you trust this file, add: " + pinLine(pluginId, sha256))
                    : Optional.empty();
        }
        if (!pin.equals(sha256)) {
            return Optional.of("was refused: its SHA-256 " + sha256 + " does not match the pinned " + pin
                    + " — the file was changed or replaced since it was pinned; it was not loaded");
        }
        return Optional.empty();
    }

    /**
     * Whether any plugin is pinned.
     *
     * @return {@code true} when at least one pin is configured
     */
    public boolean pinsAny() {
        return !pins.isEmpty();
    }

    /**
     * The state of one plugin file against the pins, for reports.
     *
     * @param pluginId the file's {@code Plugin-Id}
     * @param sha256   the file's digest
     * @return {@code pinned}, {@code MISMATCH}, {@code unpinned} or {@code UNPINNED} (unpinned where pins
     *         are required)
     */
    public String status(String pluginId, String sha256) {
        String pin = pins.get(pluginId);
        if (pin == null) {
            return required ? "UNPINNED" : "unpinned";
        }
        return pin.equals(sha256) ? "pinned" : "MISMATCH";
    }

    /**
     * Whether every plugin must be pinned.
     *
     * @return {@code true} when unpinned plugins are refused
     */
    public boolean required() {
        return required;
    }

    /**
     * The configuration line that pins a file.
     *
     * @param pluginId the plugin id
     * @param sha256   the digest
     * @return e.g. {@code veto.plugin-host.integrity.pins."keyword-classifier" = "sha256:…"}
     */
    public static String pinLine(String pluginId, String sha256) {
        return PATH + ".pins.\"" + pluginId + "\" = \"sha256:" + sha256 + "\"";
    }

    private static String normalize(String pin) {
        if (pin == null) {
            return null;
        }
        String digest = pin.trim().toLowerCase(Locale.ROOT);
        if (digest.startsWith("sha256:")) {
            digest = digest.substring("sha256:".length());
        }
        return SHA256.matcher(digest).matches() ? digest : null;
    }
}
