package no.nav.ia.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class OpenApiConventionsTest {

  @Test
  void an_answers_fields_are_required_to_any_depth_and_a_requests_stay_optional() {
    OpenAPI document = document();

    new OpenApiConventions().filterOpenAPI(document);

    assertThat(required(document, "Card")).containsExactly("scope", "systemShare", "months");
    assertThat(required(document, "Scope")).as("through a property").containsExactly("code");
    assertThat(required(document, "Month"))
        .as("through an array's items and a nullable anyOf")
        .containsExactly("month");
    assertThat(required(document, "Request")).as("a request body's").isNull();
    assertThat(required(document, "Sections"))
        .as("one a request sends and an answer carries")
        .isNull();
    assertThat(required(document, "Filter")).as("a parameter's").isNull();
    assertThat(required(document, "Problem"))
        .as("the problem keeps its own list: it leaves empty fields out")
        .containsExactly("type", "title", "status", "code");
  }

  private static List<String> required(OpenAPI document, String schema) {
    return document.getComponents().getSchemas().get(schema).getRequired();
  }

  private static OpenAPI document() {
    Schema text = OASFactory.createSchema().addType(SchemaType.STRING);
    var components =
        OASFactory.createComponents()
            .addSchema(
                "Card",
                object()
                    .addProperty("scope", ref("Scope"))
                    .addProperty(
                        "systemShare",
                        OASFactory.createSchema()
                            .addType(SchemaType.NUMBER)
                            .addType(SchemaType.NULL))
                    .addProperty(
                        "months",
                        OASFactory.createSchema()
                            .addType(SchemaType.ARRAY)
                            .items(
                                OASFactory.createSchema()
                                    .addAnyOf(ref("Month"))
                                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL)))))
            .addSchema("Scope", object().addProperty("code", text))
            .addSchema("Month", object().addProperty("month", text))
            .addSchema(
                "Report",
                object().addProperty("status", text).addProperty("sections", ref("Sections")))
            .addSchema("Sections", object().addProperty("effects", text))
            .addSchema("Request", object().addProperty("name", text).addProperty("note", text))
            .addSchema("Filter", object().addProperty("from", text));
    var card =
        OASFactory.createOperation()
            .addParameter(
                OASFactory.createParameter()
                    .name("filter")
                    .in(Parameter.In.QUERY)
                    .schema(ref("Filter")))
            .responses(
                OASFactory.createAPIResponses()
                    .addAPIResponse("200", json(ref("Card")))
                    .addAPIResponse("404", OASFactory.createAPIResponse().description("none")));
    var report =
        OASFactory.createOperation()
            .requestBody(body(ref("Sections")))
            .responses(OASFactory.createAPIResponses().addAPIResponse("200", json(ref("Report"))));
    var record =
        OASFactory.createOperation()
            .requestBody(body(ref("Request")))
            .responses(OASFactory.createAPIResponses().addAPIResponse("201", json(ref("Scope"))));
    return OASFactory.createOpenAPI()
        .components(components)
        .paths(
            OASFactory.createPaths()
                .addPathItem("/cards", OASFactory.createPathItem().GET(card))
                .addPathItem("/reports", OASFactory.createPathItem().PUT(report))
                .addPathItem("/records", OASFactory.createPathItem().POST(record)));
  }

  private static org.eclipse.microprofile.openapi.models.parameters.RequestBody body(
      Schema schema) {
    return OASFactory.createRequestBody()
        .content(
            OASFactory.createContent()
                .addMediaType("application/json", OASFactory.createMediaType().schema(schema)));
  }

  private static Schema object() {
    return OASFactory.createSchema().addType(SchemaType.OBJECT);
  }

  private static Schema ref(String name) {
    return OASFactory.createSchema().ref("#/components/schemas/" + name);
  }

  private static org.eclipse.microprofile.openapi.models.responses.APIResponse json(Schema schema) {
    return OASFactory.createAPIResponse()
        .description("the answer")
        .content(
            OASFactory.createContent()
                .addMediaType("application/json", OASFactory.createMediaType().schema(schema)));
  }
}
