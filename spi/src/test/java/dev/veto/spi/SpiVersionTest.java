package dev.veto.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SpiVersionTest {

    @Test
    void constantMatchesTheVersionTheBuildStampsIntoPluginDescriptors() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/spi-version.properties")) {
            properties.load(in);
        }
        assertThat(SpiVersion.CURRENT.toString()).isEqualTo(properties.getProperty("spi.version"));
    }

    @Test
    void rejectsNegativeComponents() {
        assertThatThrownBy(() -> new SpiVersion(1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
