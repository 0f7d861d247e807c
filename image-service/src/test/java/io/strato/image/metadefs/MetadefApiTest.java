package io.strato.image.metadefs;

import static io.restassured.RestAssured.given;
import static io.strato.kit.testing.ErrorFaults.fault;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.strato.kit.testing.StratoInfraResource;
import io.strato.kit.testing.TestIdentity;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Glance's metadata definitions catalog as an operator fills it and a project reads it. */
@QuarkusTest
@WithTestResource(StratoInfraResource.class)
@WithTestResource(TestIdentity.class)
class MetadefApiTest {
    private static final String GLANCE_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    private final String project = "p-" + UUID.randomUUID();
    private final String admin = TestIdentity.token("u-admin", "p-admin-" + UUID.randomUUID(), "admin", "member", "reader");
    private final String member = TestIdentity.token("u-" + project, project, "member", "reader");
    private final String ns = "OS::Test::" + UUID.randomUUID().toString().substring(0, 8);

    static RequestSpecification as(String token) {
        return given().header("X-Auth-Token", token).contentType(ContentType.JSON);
    }

    private static String path(String namespace) {
        return "/v2/metadefs/namespaces/" + namespace;
    }

    @Test
    void theSystemResourceTypesAreListed() {
        as(member).get("/v2/metadefs/resource_types").then().statusCode(200)
                .body("resource_types.name", hasItem("OS::Glance::Image"))
                .body("resource_types.name", hasItem("OS::Nova::Flavor"))
                .body("resource_types[0].created_at", matchesPattern(GLANCE_TIME));
    }

    @Test
    void aNamespaceIsCreatedWithItsDefinitionsShownListedUpdatedAndDeleted() {
        as(admin).body("{\"namespace\": \"" + ns + "\", \"display_name\": \"Test\", \"description\": \"Tempest\","
                        + "\"visibility\": \"public\", \"protected\": true,"
                        + "\"resource_type_associations\": [{\"name\": \"OS::Glance::Image\", \"prefix\": \"hw_\"}],"
                        + "\"properties\": {\"hypervisor_type\": {\"title\": \"Hypervisor\", \"type\": \"string\","
                        + "\"enum\": [\"kvm\", \"qemu\"]}},"
                        + "\"objects\": [{\"name\": \"CPU Limits\", \"required\": [\"cpu\"], \"properties\": {\"cpu\":"
                        + "{\"title\": \"CPU\", \"type\": \"integer\"}}}],"
                        + "\"tags\": [{\"name\": \"t1\"}]}")
                .post("/v2/metadefs/namespaces").then().statusCode(201)
                .body("namespace", equalTo(ns)).body("visibility", equalTo("public")).body("protected", equalTo(true))
                .body("self", equalTo("/v2/metadefs/namespaces/" + ns))
                .body("schema", equalTo("/v2/schemas/metadefs/namespace"))
                .body("resource_type_associations[0].name", equalTo("OS::Glance::Image"))
                .body("resource_type_associations[0].prefix", equalTo("hw_"))
                .body("properties.hypervisor_type.enum", contains("kvm", "qemu"))
                .body("objects[0].name", equalTo("CPU Limits"))
                .body("tags[0].name", equalTo("t1"));
        as(admin).body("{\"namespace\": \"" + ns + "\"}").post("/v2/metadefs/namespaces")
                .then().spec(fault(409, "The metadata definition namespace=" + ns + " already exists."));

        // a public namespace is every reader's
        as(member).get("/v2/metadefs/namespaces").then().statusCode(200).body("namespaces.namespace", hasItem(ns));
        as(member).get("/v2/metadefs/namespaces?resource_types=OS::Glance::Image").then()
                .body("namespaces.namespace", hasItem(ns));
        as(member).get("/v2/metadefs/namespaces?resource_types=OS::Nova::Aggregate").then()
                .body("namespaces.namespace", not(hasItem(ns)));
        as(member).get(path(ns)).then().statusCode(200).body("owner", startsWith("p-admin-"))
                .body("created_at", matchesPattern(GLANCE_TIME)).body("properties", hasKey("hypervisor_type"));
        // shown for a resource type, property names carry its association's prefix
        as(member).get(path(ns) + "?resource_type=OS::Glance::Image").then().statusCode(200)
                .body("properties", hasKey("hw_hypervisor_type")).body("properties", not(hasKey("hypervisor_type")))
                .body("objects[0].properties", hasKey("hw_cpu")).body("objects[0].required", contains("hw_cpu"));
        as(member).get(path(ns) + "?resource_type=OS::Nova::Flavor").then().body("properties", hasKey("hypervisor_type"));
        // but only an admin writes
        as(member).body("{\"namespace\": \"" + ns + "\"}").put(path(ns)).then().spec(fault(403));
        as(member).delete(path(ns)).then().spec(fault(403));

        as(admin).delete(path(ns)).then().spec(fault(403,
                "Metadata definition namespace " + ns + " is protected and cannot be deleted."));
        as(admin).body("{\"namespace\": \"" + ns + "\", \"visibility\": \"private\", \"protected\": false}")
                .put(path(ns)).then().statusCode(200)
                .body("visibility", equalTo("private")).body("protected", equalTo(false));
        // a private namespace of another project is unknown to a reader
        as(member).get(path(ns)).then().spec(fault(404));
        as(member).get("/v2/metadefs/namespaces").then().body("namespaces.namespace", not(hasItem(ns)));

        as(admin).delete(path(ns)).then().statusCode(204);
        as(admin).get(path(ns)).then().spec(fault(404, "Metadata definition namespace=" + ns + " was not found."));
    }

    @Test
    void resourceTypeAssociationsComeAndGo() {
        createNamespace();
        as(admin).body("{\"name\": \"OS::Nova::Flavor\", \"prefix\": \"hw:\"}").post(path(ns) + "/resource_types")
                .then().statusCode(201).body("name", equalTo("OS::Nova::Flavor")).body("prefix", equalTo("hw:"));
        as(admin).body("{\"name\": \"OS::Nova::Flavor\"}").post(path(ns) + "/resource_types").then().spec(fault(409));
        as(admin).get(path(ns) + "/resource_types").then().statusCode(200)
                .body("resource_type_associations.name", contains("OS::Nova::Flavor"));
        // a new resource type comes with its first association, as in Glance
        as(admin).body("{\"name\": \"OS::Test::New\"}").post(path(ns) + "/resource_types").then().statusCode(201);
        as(admin).get("/v2/metadefs/resource_types").then().body("resource_types.name", hasItem("OS::Test::New"));
        as(admin).delete(path(ns) + "/resource_types/OS::Nova::Flavor").then().statusCode(204);
        as(admin).delete(path(ns) + "/resource_types/OS::Nova::Flavor").then().spec(fault(404));
        as(admin).get(path(ns) + "/resource_types").then()
                .body("resource_type_associations.name", contains("OS::Test::New"));
    }

    @Test
    void propertiesAreCreatedShownRenamedAndDeleted() {
        createNamespace();
        String props = path(ns) + "/properties";
        as(admin).body("{\"name\": \"hw_x\", \"title\": \"X\", \"type\": \"string\", \"enum\": [\"a\", \"b\"]}")
                .post(props).then().statusCode(201).body("name", equalTo("hw_x")).body("title", equalTo("X"))
                .body("enum", contains("a", "b"));
        as(admin).body("{\"name\": \"hw_x\", \"title\": \"X\", \"type\": \"string\"}").post(props).then().spec(fault(409));
        as(admin).body("{\"name\": \"hw_y\", \"type\": \"string\"}").post(props).then().spec(fault(400));
        as(admin).body("{\"name\": \"hw_y\", \"title\": \"Y\", \"type\": \"date\"}").post(props).then().spec(fault(400));
        as(admin).body("{\"name\": \"hw_y\", \"title\": \"Y\", \"type\": \"string\", \"colour\": 1}").post(props)
                .then().spec(fault(400));
        as(admin).get(props + "/hw_x").then().statusCode(200).body("name", equalTo("hw_x"));
        as(admin).get(props).then().statusCode(200).body("properties.hw_x.title", equalTo("X"));
        as(admin).body("{\"name\": \"hw_z\", \"title\": \"Z\", \"type\": \"integer\", \"minimum\": 0}")
                .put(props + "/hw_x").then().statusCode(200).body("name", equalTo("hw_z")).body("title", equalTo("Z"));
        as(admin).get(props + "/hw_x").then().spec(fault(404,
                "The metadata definition property with name=hw_x was not found in namespace=" + ns + "."));
        as(admin).delete(props + "/hw_z").then().statusCode(204);
        as(admin).get(props).then().body("properties.size()", equalTo(0));
    }

    @Test
    void objectsAreCreatedListedRenamedAndDeleted() {
        createNamespace();
        String objects = path(ns) + "/objects";
        as(admin).body("{\"name\": \"o1\", \"description\": \"d\", \"required\": [\"p\"], \"properties\": {\"p\":"
                        + "{\"title\": \"P\", \"type\": \"string\"}}}").post(objects).then().statusCode(201)
                .body("name", equalTo("o1")).body("required", contains("p")).body("properties.p.title", equalTo("P"))
                .body("self", equalTo(path(ns) + "/objects/o1")).body("schema", equalTo("/v2/schemas/metadefs/object"));
        as(admin).body("{\"name\": \"o1\"}").post(objects).then().spec(fault(409));
        as(admin).get(objects).then().statusCode(200).body("objects.name", contains("o1"));
        as(admin).get(objects + "/o1").then().statusCode(200).body("description", equalTo("d"));
        as(admin).body("{\"name\": \"o2\"}").put(objects + "/o1").then().statusCode(200).body("name", equalTo("o2"));
        as(admin).delete(objects + "/o2").then().statusCode(204);
        as(admin).get(objects).then().body("objects", empty());
    }

    @Test
    void tagsAreReplacedAddedRenamedAndDeleted() {
        createNamespace();
        String tags = path(ns) + "/tags";
        as(admin).body("{\"tags\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}").post(tags).then().statusCode(201)
                .body("tags.name", contains("a", "b"));
        // a second create replaces them, unless asked to append
        as(admin).body("{\"tags\": [{\"name\": \"c\"}]}").post(tags).then().statusCode(201);
        as(admin).get(tags).then().body("tags.name", contains("c"));
        as(admin).header("X-Openstack-Append", "true").body("{\"tags\": [{\"name\": \"d\"}]}").post(tags)
                .then().statusCode(201);
        as(admin).get(tags).then().body("tags.name", containsInAnyOrder("c", "d"));
        // one tag, named by the path, with no body
        given().header("X-Auth-Token", admin).post(tags + "/e").then().statusCode(201).body("name", equalTo("e"));
        given().header("X-Auth-Token", admin).post(tags + "/e").then().spec(fault(409));
        as(admin).get(tags + "/e").then().statusCode(200).body("created_at", matchesPattern(GLANCE_TIME));
        as(admin).body("{\"name\": \"f\"}").put(tags + "/e").then().statusCode(200).body("name", equalTo("f"));
        as(admin).delete(tags + "/f").then().statusCode(204);
        as(admin).get(tags + "/f").then().spec(fault(404));
        as(member).delete(tags).then().spec(fault(403));
        as(admin).delete(tags).then().statusCode(204);
        as(admin).get(tags).then().body("tags", empty());
    }

    @Test
    void namespacesArePagedWithGlancesLinks() {
        String type = "Test-Paging-" + UUID.randomUUID().toString().substring(0, 8);
        for (String suffix : new String[] {"-b", "-a", "-c"}) {
            as(admin).body("{\"namespace\": \"" + ns + suffix + "\", \"visibility\": \"public\","
                    + "\"resource_type_associations\": [{\"name\": \"" + type + "\"}]}")
                    .post("/v2/metadefs/namespaces").then().statusCode(201);
        }
        String query = "resource_types=" + type + "&limit=2&sort_key=namespace&sort_dir=asc";
        String next = as(member).get("/v2/metadefs/namespaces?" + query).then().statusCode(200)
                .body("namespaces.namespace", contains(ns + "-a", ns + "-b"))
                .body("first", equalTo("/v2/metadefs/namespaces?" + query))
                .body("next", equalTo("/v2/metadefs/namespaces?" + query + "&marker="
                        + ns.replace(":", "%3A") + "-b"))
                .extract().path("next");
        given().urlEncodingEnabled(false).header("X-Auth-Token", member).get(next).then().statusCode(200)
                .body("namespaces.namespace", contains(ns + "-c")).body("next", nullValue());
        // Glance's default order is the newest first
        as(member).get("/v2/metadefs/namespaces?resource_types=" + type).then()
                .body("namespaces.namespace", contains(ns + "-c", ns + "-a", ns + "-b"))
                .body("first", equalTo("/v2/metadefs/namespaces?resource_types=" + type));

        as(member).get("/v2/metadefs/namespaces?sort_dir=up").then().spec(fault(400, "Invalid sort direction: up"));
        as(member).get("/v2/metadefs/namespaces?sort_key=size").then().spec(fault(400));
        as(member).get("/v2/metadefs/namespaces?limit=-1").then().spec(fault(400, "limit param must be positive"));
        as(member).get("/v2/metadefs/namespaces?limit=x").then().spec(fault(400, "limit param must be an integer"));
        as(member).get("/v2/metadefs/namespaces?visibility=all").then().spec(fault(400));
        as(member).get("/v2/metadefs/namespaces?marker=OS::Nothing::Here").then().spec(fault(404));
        for (String suffix : new String[] {"-a", "-b", "-c"}) {
            as(admin).delete(path(ns + suffix)).then().statusCode(204);
        }
    }

    @Test
    void badNamespacesAreRefused() {
        as(admin).body("{\"namespace\": \"" + ns + "\", \"created_at\": \"2020-01-01T00:00:00Z\"}")
                .post("/v2/metadefs/namespaces").then().spec(fault(403, "Attribute 'created_at' is read-only."));
        as(admin).body("{\"display_name\": \"x\"}").post("/v2/metadefs/namespaces").then().spec(fault(400));
        as(admin).body("{\"namespace\": \"x\", \"visibility\": \"shared\"}").post("/v2/metadefs/namespaces")
                .then().spec(fault(400));
        as(admin).body("{\"namespace\": \"" + "n".repeat(81) + "\"}").post("/v2/metadefs/namespaces")
                .then().spec(fault(400));
        as(member).body("{\"namespace\": \"" + ns + "\"}").post("/v2/metadefs/namespaces").then().spec(fault(403));
        as(admin).get(path("OS::Nothing::Here") + "/objects").then().spec(fault(404));
    }

    private void createNamespace() {
        as(admin).body("{\"namespace\": \"" + ns + "\", \"visibility\": \"public\"}")
                .post("/v2/metadefs/namespaces").then().statusCode(201);
    }
}
