package org.b2g.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * The rules of Redocly's "recommended" lint set that this document could break, checked in Java so that the build
 * needs no Node: servers, license, security declared on every operation (empty for public ones), a 4xx answer on
 * every operation, operation ids unique and URL-safe, path parameters declared, components all used.
 */
@org.junit.jupiter.api.Tag("embedded-db") // needs no database, or only the embedded one: run once
class OpenApiLintTest {

    private static final JsonObject DOCUMENT = OpenApi.document();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static List<JsonObject> operations() {
        List<JsonObject> operations = new ArrayList<>();
        JsonObject paths = DOCUMENT.getJsonObject("paths");
        for (String path : paths.keySet()) {
            for (String method : paths.getJsonObject(path).keySet()) {
                if (METHODS.contains(method)) {
                    operations.add(paths.getJsonObject(path).getJsonObject(method));
                }
            }
        }
        return operations;
    }

    @Test
    void declaresAServerThatIsNeitherEmptyNorAnExample() {
        var servers = DOCUMENT.getJsonArray("servers");
        assertFalse(servers == null || servers.isEmpty(), "no-empty-servers");
        for (JsonValue server : servers) {
            String url = server.asJsonObject().getString("url");
            assertFalse(url.contains("example.com"), "no-server-example.com: " + url);
            assertTrue(url.equals("/") || !url.endsWith("/"), "no-server-trailing-slash: " + url);
        }
    }

    @Test
    void declaresALicenseWithItsAddress() {
        JsonObject license = DOCUMENT.getJsonObject("info").getJsonObject("license");
        assertFalse(license == null || license.getString("name", "").isBlank(), "info-license");
        assertTrue(license.getString("url", "").startsWith("https://"), "info-license-url");
    }

    @Test
    void declaresSecurityOnEveryOperationEmptyOnPublicOnes() {
        for (JsonObject op : operations()) {
            assertTrue(op.containsKey("security") || DOCUMENT.containsKey("security"),
                    "security-defined: " + op.getString("operationId"));
        }
        JsonObject health = DOCUMENT.getJsonObject("paths").getJsonObject("/api/health").getJsonObject("get");
        assertEquals(0, health.getJsonArray("security").size());
    }

    @Test
    void givesEveryOperationA4xxAnswer() {
        for (JsonObject op : operations()) {
            assertTrue(op.getJsonObject("responses").keySet().stream().anyMatch(code -> code.startsWith("4")),
                    "operation-4xx-response: " + op.getString("operationId"));
        }
    }

    @Test
    void namesEveryOperationOnceWithAUrlSafeIdAndASummary() {
        Set<String> ids = new HashSet<>();
        for (JsonObject op : operations()) {
            String id = op.getString("operationId", "");
            assertTrue(id.matches("[A-Za-z0-9_.~:/-]+"), "operation-operationId-url-safe: " + id);
            assertTrue(ids.add(id), "operation-operationId-unique: " + id);
            assertFalse(op.getString("summary", "").isBlank(), "operation-summary: " + id);
        }
    }

    @Test
    void declaresEveryPathParameterOnceAndNoOther() {
        Pattern param = Pattern.compile("\\{(\\w+)}");
        JsonObject paths = DOCUMENT.getJsonObject("paths");
        for (String path : paths.keySet()) {
            Set<String> inPath = new HashSet<>();
            Matcher m = param.matcher(path);
            while (m.find()) {
                inPath.add(m.group(1));
            }
            for (String method : paths.getJsonObject(path).keySet()) {
                Set<String> declared = new HashSet<>();
                Set<String> unique = new HashSet<>();
                for (JsonValue p : paths.getJsonObject(path).getJsonObject(method).getJsonArray("parameters")) {
                    JsonObject parameter = p.asJsonObject();
                    assertTrue(unique.add(parameter.getString("in") + ":" + parameter.getString("name")),
                            "operation-parameters-unique: " + method + " " + path);
                    if (parameter.getString("in").equals("path")) {
                        declared.add(parameter.getString("name"));
                    }
                }
                assertEquals(inPath, declared, "path-parameters-defined: " + method + " " + path);
            }
        }
    }

    @Test
    void usesEveryComponentItDeclares() {
        String text = DOCUMENT.getJsonObject("paths").toString();
        JsonObject components = DOCUMENT.getJsonObject("components");
        for (String schema : components.getJsonObject("schemas").keySet()) {
            assertTrue(text.contains("\"#/components/schemas/" + schema + "\""), "no-unused-components: " + schema);
        }
        for (String scheme : components.getJsonObject("securitySchemes").keySet()) {
            assertTrue(text.contains("{\"" + scheme + "\":[]}"), "no-unused-components: " + scheme);
        }
    }
}
