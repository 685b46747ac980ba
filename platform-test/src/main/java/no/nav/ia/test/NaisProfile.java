package no.nav.ia.test;

import io.smallrye.config.ConfigValue;
import io.smallrye.config.Expressions;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * An application's configuration as it resolves on NAIS ({@code QUARKUS_PROFILE=nais}), from the
 * same files and ordinals Quarkus reads: {@code application.properties} (250) over the shared
 * {@code META-INF/microprofile-config.properties} (100). A {@code %nais.} value in a file of lower
 * ordinal loses to the plain key in one of higher ordinal, so a shared NAIS setting can be silently
 * overridden by an application's local default: {@link #shadowed} lists those keys.
 */
public final class NaisProfile {

  private NaisProfile() {}

  /** The configuration of the application whose classpath this runs on, in the nais profile. */
  public static SmallRyeConfig config() {
    List<ConfigSource> sources = new ArrayList<>();
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      for (URL url : Collections.list(loader.getResources("application.properties"))) {
        sources.add(new PropertiesConfigSource(url, 250));
      }
      for (URL url :
          Collections.list(loader.getResources("META-INF/microprofile-config.properties"))) {
        sources.add(new PropertiesConfigSource(url, 100));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SmallRyeConfigBuilder()
        .withProfile("nais")
        .addDefaultInterceptors()
        .withSources(sources)
        .build();
  }

  /** The keys given a {@code %nais.} value somewhere whose nais value is not that one. */
  public static Set<String> shadowed() {
    SmallRyeConfig config = config();
    Set<String> shadowed = new TreeSet<>();
    for (ConfigSource source : config.getConfigSources()) {
      for (String name : source.getPropertyNames()) {
        if (!name.startsWith("%nais.")) {
          continue;
        }
        String key = name.substring("%nais.".length());
        ConfigValue value = Expressions.withoutExpansion(() -> config.getConfigValue(key));
        if (!"nais".equals(value.getProfile())) {
          shadowed.add(key + " (" + value.getRawValue() + " from " + value.getSourceName() + ")");
        }
      }
    }
    return shadowed;
  }
}
