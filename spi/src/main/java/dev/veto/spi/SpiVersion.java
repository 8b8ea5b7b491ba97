package dev.veto.spi;

/**
 * A semantic version of the SPI contract.
 *
 * <p>Plugins declare the range of SPI versions they work with in their descriptor, for example
 * {@code Plugin-Requires: >=1.0.0 & <2.0.0}; the host compares that range with {@link #CURRENT} before it
 * loads any plugin class. A minor version adds types or {@code default} methods; only a major version may
 * remove or change anything.
 *
 * @param major incremented for incompatible changes
 * @param minor incremented for compatible additions
 * @param patch incremented for documentation or behaviour fixes that change no signature
 */
public record SpiVersion(int major, int minor, int patch) {

    /** The SPI version this artifact implements. */
    public static final SpiVersion CURRENT = new SpiVersion(1, 3, 0);

    /**
     * Validates the components.
     *
     * @param major incremented for incompatible changes
     * @param minor incremented for compatible additions
     * @param patch incremented for documentation or behaviour fixes that change no signature
     * @throws IllegalArgumentException if any component is negative
     */
    public SpiVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version components must not be negative: " + major + "." + minor + "." + patch);
        }
    }

    /** Returns the version as {@code major.minor.patch}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
