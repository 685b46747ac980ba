package no.nav.ia.delivery;

import java.time.LocalDate;
import java.util.List;
import no.nav.ia.platform.domain.ServiceCode;

/** What a delivery says happened; recorded, and replaced by a correction. */
public record DeliveryFacts(
    String orgNumber,
    String countyCode,
    ServiceCode service,
    Direction direction,
    List<Integer> subGoals,
    LocalDate deliveredOn,
    Form form,
    String note) {}
