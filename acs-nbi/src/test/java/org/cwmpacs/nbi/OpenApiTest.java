package org.cwmpacs.nbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI description served at /openapi.json is the one in docs/, and names every route. */
class OpenApiTest {
    @Test
    void theServedDescriptionIsTheDocumentedOneAndCoversEveryRoute() throws Exception {
        byte[] served;
        try (InputStream in = NbiHandler.class.getResourceAsStream("openapi.json")) {
            served = in.readAllBytes();
        }
        Path docs = Path.of(System.getProperty("user.dir")).getParent().resolve("docs").resolve("nbi-openapi.json");
        assertThat(Files.readAllBytes(docs)).as("docs/nbi-openapi.json").isEqualTo(served);
        JsonNode paths = new ObjectMapper().readTree(served).get("paths");
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("/{collection}", "/devices/{deviceId}/tasks", "/devices/{deviceId}",
                "/devices/{deviceId}/tags/{tag}", "/tasks/{taskId}", "/tasks/{taskId}/retry", "/faults/{faultId}",
                "/presets/{name}", "/objects/{name}", "/provisions/{name}", "/virtual_parameters/{name}",
                "/files/{name}", "/ping/{host}", "/openapi.json");
        // every example path the handler routes is described by one of them
        for (String example : List.of("/presets/a", "/objects/a", "/provisions/a", "/virtual_parameters/a",
                "/devices/a/tags/b", "/faults/a:b", "/devices/a/tasks", "/tasks/a", "/files/a.bin", "/ping/h",
                "/devices/a", "/devices")) {
            assertThat(routed(example)).as(example).isTrue();
        }
    }

    private static boolean routed(String path) {
        for (java.util.regex.Pattern p : List.of(NbiHandler.PRESETS, NbiHandler.OBJECTS, NbiHandler.PROVISIONS,
                NbiHandler.VIRTUAL_PARAMETERS, NbiHandler.TAGS, NbiHandler.FAULTS, NbiHandler.DEVICE_TASKS,
                NbiHandler.TASKS, NbiHandler.FILES, NbiHandler.PING, NbiHandler.DEVICE, NbiHandler.COLLECTION)) {
            if (p.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }
}
