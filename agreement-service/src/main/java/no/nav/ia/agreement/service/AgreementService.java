package no.nav.ia.agreement.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import no.nav.ia.agreement.Agreement;
import no.nav.ia.agreement.AgreementStatus;
import no.nav.ia.agreement.County;
import no.nav.ia.agreement.FromRegister;
import no.nav.ia.agreement.events.AgreementEvents;
import no.nav.ia.agreement.events.AgreementEvents.AgreementRegistered;
import no.nav.ia.agreement.events.AgreementEvents.AgreementTerminated;
import no.nav.ia.agreement.events.AgreementEvents.ContactPersonAssigned;
import no.nav.ia.agreement.rest.AgreementRequests.RegisterAgreement;
import no.nav.ia.platform.domain.CountyRegistry;
import no.nav.ia.platform.domain.DomainException;
import no.nav.ia.platform.events.Outbox;
import no.nav.ia.platform.security.Caller;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The transaction boundary for agreements: each change, its outbox event and its audit row commit
 * together.
 */
@ApplicationScoped
public class AgreementService {

  @Inject Outbox outbox;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject EnterpriseSearch register;

  @Transactional
  public Agreement register(RegisterAgreement request) {
    FromRegister.Filled filled =
        FromRegister.fill(
            request.name(),
            request.countyCode(),
            request.employees(),
            request.signedOn(),
            register.known(request.orgNumber()),
            CountyRegistry.get());
    // Advisers and managers register in their own county (centres recruit IA enterprises).
    caller.requireCounty(filled.countyCode());
    Agreement agreement =
        Agreement.register(
            request.orgNumber(),
            filled.name().strip(),
            filled.countyCode(),
            County.byCode(filled.countyCode()),
            filled.employees(),
            request.signedOn(),
            request.groupOrgNumber());
    if (Agreement.activeFor(request.orgNumber()).isPresent()) {
      throw DomainException.conflict(
          "AGREEMENT_EXISTS", "The enterprise already has an active agreement");
    }
    agreement.contactPerson = request.contactPerson();
    if (request.groupOrgNumber() != null) {
      agreement.groupAgreementId =
          Agreement.activeFor(request.groupOrgNumber()).map(g -> g.id).orElse(null);
    }
    agreement.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    agreement.createdBy = caller.actor();
    try {
      agreement.persistAndFlush();
    } catch (PersistenceException e) {
      if (e.getCause() instanceof ConstraintViolationException c
          && "agreement_one_active_per_org".equals(c.getConstraintName())) {
        throw DomainException.conflict(
            "AGREEMENT_EXISTS", "The enterprise already has an active agreement");
      }
      throw e;
    }
    outbox.publish(
        AgreementEvents.CONTRACT,
        agreement.orgNumber,
        new AgreementRegistered(
            agreement.id,
            agreement.orgNumber,
            agreement.countyCode,
            agreement.employees,
            agreement.signedOn,
            agreement.groupOrgNumber,
            agreement.groupAgreementId,
            agreement.contactPerson));
    audit.changed("REGISTERED", "agreement", agreement.id, agreement.orgNumber, null);
    return agreement;
  }

  public Optional<Agreement> find(UUID id) {
    return Agreement.findByIdOptional(id);
  }

  /** A page in a stable order (org number, then id). */
  public no.nav.ia.platform.rest.Page<Agreement> list(
      Optional<String> county, AgreementStatus status, String orgNumber, int page, int size) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    county.ifPresent(
        c -> {
          query.append(" and countyCode = :county");
          params.and("county", c);
        });
    if (status != null) {
      query.append(" and status = :status");
      params.and("status", status);
    }
    if (orgNumber != null) {
      query.append(" and orgNumber = :org");
      params.and("org", orgNumber);
    }
    var found =
        Agreement.<Agreement>find(query.toString(), Sort.by("orgNumber").and("id"), params)
            .page(Page.of(page, size));
    return new no.nav.ia.platform.rest.Page<>(found.list(), page, size, found.count());
  }

  /** The agreement, if the caller may see its county (404 otherwise, 403 for another county). */
  public Agreement get(UUID id) {
    Agreement agreement =
        find(id)
            .orElseThrow(
                () -> DomainException.notFound("AGREEMENT_NOT_FOUND", "No agreement with that id"));
    caller.requireCounty(agreement.countyCode);
    return agreement;
  }

  @Transactional
  public Agreement assignContactPerson(UUID id, String navIdent) {
    Agreement managed = get(id);
    Optional<String> previous = managed.assignContactPerson(navIdent);
    outbox.publish(
        AgreementEvents.CONTRACT,
        managed.orgNumber,
        new ContactPersonAssigned(
            managed.id, managed.orgNumber, managed.countyCode, navIdent, previous.orElse(null)));
    audit.changed(
        "CONTACT_PERSON_ASSIGNED",
        "agreement",
        managed.id,
        managed.orgNumber,
        previous.map(p -> "previous=" + p).orElse(null));
    return managed;
  }

  @Transactional
  public Agreement terminate(UUID id, java.time.LocalDate endedOn, String reason) {
    Agreement managed = get(id);
    managed.terminate(endedOn, reason);
    outbox.publish(
        AgreementEvents.CONTRACT,
        managed.orgNumber,
        new AgreementTerminated(
            managed.id, managed.orgNumber, managed.countyCode, managed.signedOn, endedOn));
    audit.changed("ENDED", "agreement", managed.id, managed.orgNumber, null);
    return managed;
  }
}
