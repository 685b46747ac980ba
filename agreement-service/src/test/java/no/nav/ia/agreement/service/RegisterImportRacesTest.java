package no.nav.ia.agreement.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import no.nav.ia.agreement.EnterpriseImport;
import no.nav.ia.agreement.Fixtures;
import no.nav.ia.agreement.config.RegisterConfig;
import no.nav.ia.test.Infra;
import no.nav.ia.test.PlatformTestResource;
import no.nav.ia.test.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Register imports started on two replicas: at the same moment, and after one of them stalled; and
 * the end of an import taken for abandoned. The files are empty arrays, so that no import writes an
 * enterprise (the register tests count them).
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "agreement"))
class RegisterImportRacesTest {

  @Inject RegisterConfig config;
  @Inject RegisterImports imports;
  @Inject AgroalDataSource dataSource;
  @Inject EntityManager em;

  String emptyFile(String name) throws Exception {
    Files.createDirectories(config.importDir());
    Files.writeString(config.importDir().resolve(name), "[]");
    return name;
  }

  static Response startImport(String source) {
    return given()
        .auth()
        .oauth2(Tokens.coordinator())
        .contentType(ContentType.JSON)
        .body(Map.of("source", source))
        .post("/api/v1/enterprises/imports");
  }

  void failRunning(String source) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update enterprise_import set status = 'FAILED'"
                            + " where source = ?1 and status = 'RUNNING'")
                    .setParameter(1, source)
                    .executeUpdate());
  }

  @Test
  void aStartThatLosesTheRaceForTheOneRunningImportIs409NotA500() throws Exception {
    String file = emptyFile("races-same-moment.json");
    // The other replica's start: its import is inserted but not yet committed when this start
    // looks for one running, so this start sees none and its insert waits on the unique index.
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        s.executeUpdate(
            "insert into enterprise_import (source, status, started_by, started_at, progress_at)"
                + " values ('races-other-replica', 'RUNNING', 'test', now(), now())");
      }
      CompletableFuture<Response> started = CompletableFuture.supplyAsync(() -> startImport(file));
      await("this start's insert waiting on the other's")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(50))
          .until(this::anImportInsertWaits);
      other.commit();
      Response answer = started.get(20, TimeUnit.SECONDS);
      assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
      assertThat(answer.jsonPath().getString("code")).isEqualTo("IMPORT_RUNNING");
      assertThat(answer.contentType()).startsWith("application/problem+json");
    } finally {
      failRunning("races-other-replica");
      failRunning(file);
    }
  }

  boolean anImportInsertWaits() throws Exception {
    return aStatementWaitsOnALock("insert into enterprise_import");
  }

  /** Whether a statement that begins with these words waits for a lock. */
  boolean aStatementWaitsOnALock(String begins) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      return Infra.lockWaits(c, begins + "%") > 0;
    }
  }

  @Test
  void anImportTakenForAbandonedStaysFailedWhenItGoesOnAfterAll() throws Exception {
    String file = emptyFile("races-stalled.json");
    // An import on another replica, without progress for longer than an import is given.
    long stalled =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "insert into enterprise_import"
                                        + " (source, status, started_by, started_at, progress_at)"
                                        + " values ('races-stalled', 'RUNNING', 'test',"
                                        + " now() - interval '10 minutes',"
                                        + " now() - interval '3 minutes') returning id")
                                .getSingleResult())
                        .longValue());
    try {
      // A start here takes it for abandoned and runs an import of its own.
      String location = startImport(file).then().statusCode(202).extract().header("Location");
      long own = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
      await("the start's own import")
          .atMost(Duration.ofSeconds(30))
          .until(() -> imports.find(own).orElseThrow().status != EnterpriseImport.Status.RUNNING);
      EnterpriseImport abandoned = imports.find(stalled).orElseThrow();
      assertThat(abandoned.status).isEqualTo(EnterpriseImport.Status.FAILED);
      assertThat(abandoned.note).contains("abandoned");

      // The stalled import goes on after all: its batches and its end find its row FAILED and keep
      // nothing; the row still says what happened.
      imports.run(stalled, new RegisterImports.FileSource(config.importDir().resolve(file)));
      EnterpriseImport after = imports.find(stalled).orElseThrow();
      assertThat(after.status).isEqualTo(EnterpriseImport.Status.FAILED);
      assertThat(after.note).isEqualTo(abandoned.note);
      assertThat(after.finishedAt).isEqualTo(abandoned.finishedAt);
    } finally {
      failRunning("races-stalled");
    }
  }

  @Test
  void anImportTakenForAbandonedBeforeItsEndMarksNothingGoneAndTouchesNoEnterprise()
      throws Exception {
    String org = Fixtures.orgNumber();
    long abandoned =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  // An enterprise of the copy that the import did not see: its end would mark it
                  // gone, since the file is trusted (far more entities read than the copy holds).
                  em.createNativeQuery(
                          "insert into enterprise (org_number, name, search_words, content_hash,"
                              + " updated_at) values (?1, 'IKKE I FILEN AS', 'ikke i filen as', 0,"
                              + " now())")
                      .setParameter(1, org)
                      .executeUpdate();
                  return ((Number)
                          em.createNativeQuery(
                                  "insert into enterprise_import (source, status, read, note,"
                                      + " started_by, started_at, progress_at, finished_at)"
                                      + " values ('races-abandoned-at-end', 'FAILED', 1000000,"
                                      + " 'abandoned: no progress for 2 minutes', 'test', now(),"
                                      + " now(), now()) returning id")
                              .getSingleResult())
                      .longValue();
                });
    // An end that went on would roll all it did back at the import's row, leaving no trace but
    // the rows it held meanwhile: another transaction holds the enterprise, so that such an end
    // waits for it where all can see.
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try {
        holdsWhileTheAbandonedImportEnds(other, org, abandoned);
      } finally {
        other.rollback();
      }
    }
    try {
      EnterpriseImport after = imports.find(abandoned).orElseThrow();
      assertThat(after.status).isEqualTo(EnterpriseImport.Status.FAILED);
      assertThat(after.gone).isZero();
      assertThat(
              QuarkusTransaction.requiringNew()
                  .call(
                      () ->
                          em.createNativeQuery(
                                  "select deleted from enterprise where org_number = ?1")
                              .setParameter(1, org)
                              .getSingleResult()))
          .isEqualTo(false);
    } finally {
      // The register's other tests count the live enterprises of the copy.
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery("delete from enterprise where org_number = ?1")
                      .setParameter(1, org)
                      .executeUpdate());
    }
  }

  /** Holds the enterprise in {@code other} while the import ends; the end must not wait for it. */
  void holdsWhileTheAbandonedImportEnds(Connection other, String org, long abandoned)
      throws Exception {
    try (PreparedStatement s =
        other.prepareStatement("select 1 from enterprise where org_number = ? for update")) {
      s.setString(1, org);
      s.executeQuery();
    }
    CompletableFuture<Throwable> ending =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                imports.finish(abandoned);
                return null;
              } catch (RuntimeException e) {
                return e;
              }
            });
    await("the end stopped, or waiting to mark the enterprise gone")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> ending.isDone() || aMarkGoneWaits());
    assertThat(aMarkGoneWaits()).as("the end went on to mark what is gone").isFalse();
    assertThat(ending.get()).isInstanceOf(RegisterImports.Abandoned.class);
  }

  boolean aMarkGoneWaits() throws Exception {
    return aStatementWaitsOnALock("update enterprise e set deleted");
  }
}
