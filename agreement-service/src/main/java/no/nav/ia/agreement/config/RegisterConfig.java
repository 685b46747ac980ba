package no.nav.ia.agreement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Where the register's bulk file comes from. */
@ConfigMapping(prefix = "ia.register")
public interface RegisterConfig {

  /**
   * The file an import reads when none is named: a file name in {@link #importDir()} or an URL
   * starting with {@link #urlPrefix()} (on NAIS the register's download address).
   */
  Optional<String> defaultSource();

  /** The folder a named file is read from; a request names a file in it, never a path. */
  @WithDefault("${java.io.tmpdir}/ia-register")
  Path importDir();

  /** The only addresses an import may download from. */
  @WithDefault("https://data.brreg.no/enhetsregisteret/")
  String urlPrefix();

  /** Entities upserted per transaction. */
  @WithDefault("2000")
  int batchSize();

  /**
   * Batches written at once, each in its own transaction and database connection: two let
   * PostgreSQL use a second core while Java reads the file.
   */
  @WithDefault("2")
  int writers();
}
