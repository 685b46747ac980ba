package no.nav.ia.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A county (fylke) with the period its code is valid and the codes it was split or merged into. */
@Entity
@Table(name = "county")
public class County extends PanacheEntityBase {

  @Id public String code;

  public String name;

  @Column(name = "valid_from")
  public LocalDate validFrom;

  @Column(name = "valid_to")
  public LocalDate validTo;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "varchar(2)[]")
  public List<String> successors;

  /** True if the code was in use on that date (both ends inclusive, open ends unbounded). */
  public boolean isValidOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom))
        && (validTo == null || !date.isAfter(validTo));
  }

  public static Optional<County> byCode(String code) {
    return code == null ? Optional.empty() : findByIdOptional(code);
  }

  /** Counties valid on the date, by code. */
  public static List<County> validOn(LocalDate date) {
    return County.<County>listAll(io.quarkus.panache.common.Sort.by("code")).stream()
        .filter(c -> c.isValidOn(date))
        .toList();
  }
}
