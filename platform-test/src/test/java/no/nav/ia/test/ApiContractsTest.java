package no.nav.ia.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ApiContractsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  static final String DOCUMENT =
      """
      {'openapi': '3.1.0',
       'paths': {'/things/{id}': {'get': {
         'operationId': 'Things_get', 'security': [{'SecurityScheme': ['adviser']}],
         'parameters': [{'name': 'id', 'in': 'path', 'schema': {'type': 'string'}},
           {'name': 'county', 'in': 'query', 'schema': {'type': 'string', 'pattern': '^\\\\d{2}$'}},
           {'name': 'size', 'in': 'query', 'schema': {'type': 'integer', 'maximum': 500}},
           {'name': 'Nav-Call-Id', 'in': 'header', 'schema': {'type': 'string'}}],
         'responses': {
           '200': {'content': {'application/json': {'schema': {'$ref': '#/components/schemas/Thing'}}}},
           '404': {'content': {'application/problem+json': {'schema': {'$ref': '#/components/schemas/Problem'}}}}}}}},
       'components': {'schemas': {
         'Thing': {'type': 'object', 'properties': {
           'name': {'type': 'string'}, 'note': {'type': ['string', 'null']},
           'adviser': {'type': 'string', 'pattern': '^[A-Z]\\\\d{6}$'},
           'month': {'$ref': '#/components/schemas/Month'}}},
         'Month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'},
         'Problem': {'type': 'object', 'required': ['code'], 'properties': {'code': {'type': 'string'}}}}}}
      """;

  @Test
  void anAnswerFitsOrSaysWhereItDoesNot() throws Exception {
    JsonNode document = json(DOCUMENT);
    assertThat(
            ApiContracts.violations(
                document,
                "GET",
                "/things/{id}",
                200,
                json("{'name': 'a', 'note': null, 'month': '2024-05'}")))
        .isEmpty();
    assertThat(
            ApiContracts.violations(
                document,
                "GET",
                "/things/{id}",
                200,
                json("{'name': null, 'month': {'year': 2024}}")))
        .hasSize(2);
    assertThat(ApiContracts.violations(document, "GET", "/things/{id}", 404, json("{}")))
        .hasSize(1);
    assertThat(ApiContracts.violations(document, "GET", "/things/{id}", 400, json("{}")))
        .containsExactly("GET /things/{id} does not document 400");
  }

  @Test
  void gapsNameWhatAClientWouldHaveToGuess() throws Exception {
    assertThat(ApiContracts.gaps(json(DOCUMENT))).isEmpty();
    JsonNode loose =
        json(
            DOCUMENT
                .replace("'3.1.0'", "'3.0.3'")
                .replace("{'type': 'string'}}],", "{}}],")
                .replace("'application/problem+json'", "'application/json'")
                .replace("'schema': {'$ref': '#/components/schemas/Thing'}", "'schema': {}")
                .replace(
                    "'operationId': 'Things_get', 'security': [{'SecurityScheme': ['adviser']}],",
                    "")
                .replace("'^[A-Z]\\\\d{6}$'", "'[A-Z]\\\\d{6}'")
                .replace("'^\\\\d{2}$'", "'\\\\d{2}'")
                .replace("'name': 'Nav-Call-Id'", "'name': 'X-Call-Id'"));
    assertThat(ApiContracts.gaps(loose))
        .containsExactlyInAnyOrder(
            "openapi is \"3.0.3\", not 3.1 (its schemas are 3.1)",
            "GET /things/{id}: parameter X-Call-Id has no type",
            "GET /things/{id}: 200 application/json has no schema",
            "GET /things/{id}: 404 is not described as application/problem+json",
            "GET /things/{id}: no operationId",
            "GET /things/{id}: no security requirement",
            "Thing.adviser: pattern [A-Z]\\d{6} is not anchored",
            "GET /things/{id}: parameter county's pattern \\d{2} is not anchored",
            "GET /things/{id}: no Nav-Call-Id header parameter");
    assertThat(ApiContracts.patternGap("\\P{Cntrl}*"))
        .hasValue(" is Java's regex syntax, not ECMA-262's");
    assertThat(ApiContracts.patternGap("(?s).*\\S.*"))
        .hasValue(" is Java's regex syntax, not ECMA-262's");
    assertThat(ApiContracts.patternGap("^[^\\u0000-\\u001F]*$")).isEmpty();
  }

  @Test
  void aParameterOrABodyFitsOrSaysWhereItDoesNot() throws Exception {
    JsonNode document = json(DOCUMENT);
    assertThat(ApiContracts.parameterViolations(document, "GET", "/things/{id}", "county", "03"))
        .isEmpty();
    assertThat(ApiContracts.parameterViolations(document, "GET", "/things/{id}", "county", "3"))
        .hasSize(1);
    assertThat(ApiContracts.parameterViolations(document, "GET", "/things/{id}", "size", "500"))
        .isEmpty();
    assertThat(ApiContracts.parameterViolations(document, "GET", "/things/{id}", "size", "501"))
        .hasSize(1);
    assertThat(ApiContracts.parameterViolations(document, "GET", "/things/{id}", "sort", "x"))
        .containsExactly("GET /things/{id} has no parameter sort");
    assertThat(ApiContracts.requestViolations(document, "GET", "/things/{id}", json("{}")))
        .containsExactly("GET /things/{id} has no JSON request schema");
  }
}
