package no.nav.ia.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import no.nav.ia.test.PlatformTestResource;
import org.junit.jupiter.api.Test;

/**
 * The card periods of a day are defined once, in Period.containing: the projection counts by it.
 * The rebuild counts set-wise in SQL with card_periods; this holds them to the same answer.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PlatformTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "scorecard"))
class PeriodDefinitionTest {

  @Inject EntityManager em;

  @Test
  void theSqlFunctionGivesEveryDayOfFortyYearsTheCardPeriodsJavaGivesIt() {
    @SuppressWarnings("unchecked")
    List<Object[]> days =
        em.createNativeQuery(
                "select d::date, array_to_string(card_periods(d::date), ',')"
                    + " from generate_series(date '2000-01-01', date '2040-12-31', interval '1 day') d")
            .getResultList();
    assertThat(days).hasSize(14976);
    for (Object[] row : days) {
      java.time.LocalDate day =
          row[0] instanceof Date d ? d.toLocalDate() : (java.time.LocalDate) row[0];
      assertThat(Arrays.asList(((String) row[1]).split(",")))
          .as(day.toString())
          .isEqualTo(Period.containing(day));
    }
  }

  @Test
  void eachCardPeriodOfADayContainsTheDay() {
    java.time.LocalDate day = java.time.LocalDate.of(2012, 8, 31);
    assertThat(Period.containing(day)).containsExactly("2012", "2012-H2", "2012-Q3", "2012-08");
    assertThat(Period.containing(day))
        .allSatisfy(id -> assertThat(Period.parse(id).contains(day)).isTrue());
  }
}
