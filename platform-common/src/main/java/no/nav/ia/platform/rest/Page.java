package no.nav.ia.platform.rest;

import java.util.List;
import java.util.function.Function;

/** One page of a listing: {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

  /** The same page with every item mapped (e.g. entity to response record). */
  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, total);
  }
}
