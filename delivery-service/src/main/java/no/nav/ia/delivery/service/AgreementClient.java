package no.nav.ia.delivery.service;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * agreement-service's REST API, asked only when the local read model has not heard of an agreement
 * yet.
 */
@RegisterRestClient(configKey = "agreement-service")
@Path("/api/v1/agreements")
public interface AgreementClient {

  @GET
  AgreementPage byOrgNumber(
      @QueryParam("orgNumber") String orgNumber,
      @HeaderParam("Authorization") String authorization,
      @HeaderParam("Nav-Consumer-Id") String consumer,
      @HeaderParam("Nav-Call-Id") String callId);

  /** The fields of agreement-service's page this service needs. */
  record AgreementPage(List<Item> items) {}

  /** The fields of an agreement this service needs. */
  record Item(
      UUID id,
      String orgNumber,
      String countyCode,
      LocalDate signedOn,
      LocalDate endedOn,
      String status) {}
}
