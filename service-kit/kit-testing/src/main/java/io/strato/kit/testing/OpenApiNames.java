package io.strato.kit.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The property names a service's {@code /q/openapi} publishes, for the tests that check them against its JSON. */
public final class OpenApiNames {
    private OpenApiNames() {
    }

    /** Every {@code Schema.property} of {@code /q/openapi} whose name {@code allowed} refuses, in schema order. */
    public static List<String> refused(Predicate<String> allowed) {
        Map<String, Map<String, Object>> schemas = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("components.schemas");
        List<String> refused = new ArrayList<>();
        schemas.forEach((schema, body) -> {
            if (body.get("properties") instanceof Map<?, ?> p) {
                p.keySet().stream().map(String::valueOf).filter(allowed.negate())
                        .forEach(k -> refused.add(schema + "." + k));
            }
        });
        return refused;
    }
}
