package no.nav.ia.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.annotations.Immutable;

/**
 * An enterprise of the register copy as the agreements see it: whether the register has deleted it
 * (closed, dissolved, merged away) and since when. Read only: the import writes the copy.
 */
@Entity
@Immutable
@Table(name = "enterprise")
public class RegisterEnterprise extends PanacheEntityBase {

  @Id
  @Column(name = "org_number")
  public String orgNumber;

  public boolean deleted;

  /** The register's deletion date, or the day an import found it gone from the file. */
  @Column(name = "deleted_on")
  public LocalDate deletedOn;

  /** Of these org numbers, those the register has deleted, with the day it did. */
  public static Map<String, LocalDate> deletedOn(Collection<String> orgNumbers) {
    if (orgNumbers.isEmpty()) {
      return Map.of();
    }
    return RegisterEnterprise.<RegisterEnterprise>list(
            "deleted = true and orgNumber in ?1", orgNumbers)
        .stream()
        .filter(e -> e.deletedOn != null)
        .collect(Collectors.toMap(e -> e.orgNumber, e -> e.deletedOn));
  }
}
