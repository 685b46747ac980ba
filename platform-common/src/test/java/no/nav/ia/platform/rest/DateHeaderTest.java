package no.nav.ia.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateHeaderTest {

  @Test
  void anInstantIsWrittenAsAnImfFixdateWithTwoDigitsForTheDay() {
    assertThat(DateHeader.format(Instant.parse("2026-12-07T11:19:30.750Z").toEpochMilli()))
        .isEqualTo("Mon, 07 Dec 2026 11:19:30 GMT");
    assertThat(DateHeader.format(Instant.parse("2027-01-31T00:00:00Z").toEpochMilli()))
        .isEqualTo("Sun, 31 Jan 2027 00:00:00 GMT");
  }

  @Test
  void eachSecondIsFormattedAndTheNextSecondGetsItsOwn() {
    DateHeader header = new DateHeader();
    long at = Instant.parse("2026-12-07T23:59:59.100Z").toEpochMilli();
    assertThat(header.now(at)).isEqualTo("Mon, 07 Dec 2026 23:59:59 GMT");
    assertThat(header.now(at + 800)).isEqualTo("Mon, 07 Dec 2026 23:59:59 GMT");
    assertThat(header.now(at + 900)).isEqualTo("Tue, 08 Dec 2026 00:00:00 GMT");
  }
}
