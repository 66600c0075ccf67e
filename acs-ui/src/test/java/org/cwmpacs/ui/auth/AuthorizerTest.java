package org.cwmpacs.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cwmpacs.core.expression.Evaluator;
import org.cwmpacs.core.expression.Values;
import org.junit.jupiter.api.Test;

class AuthorizerTest {
    private static Permission permission(String role, String resource, int access, String filter, String validate) {
        java.util.HashMap<String, Object> doc = new java.util.HashMap<>(Map.of("_id", role + ":" + resource + ":" + access,
                "role", role, "resource", resource, "access", access));
        if (filter != null) {
            doc.put("filter", filter);
        }
        if (validate != null) {
            doc.put("validate", validate);
        }
        return Permission.read(doc);
    }

    private static final List<Permission> ALL = List.of(
            permission("admin", "devices", 3, null, "true"),
            permission("admin", "presets", 3, null, null),
            permission("region", "devices", 2, "Tags.north IS NOT NULL", null),
            permission("region", "devices", 3, "Tags.north IS NOT NULL AND Tags.lab IS NOT NULL",
                    "mutationType = 'tags' AND mutation.tag <> 'vip'"),
            permission("viewer", "devices", 1, null, null));

    @Test
    void accessLevelsIncludeTheLowerOnes() {
        Authorizer viewer = Authorizer.forRoles(List.of("viewer"), ALL);
        assertThat(viewer.hasAccess("devices", Permission.COUNT)).isTrue();
        assertThat(viewer.hasAccess("devices", Permission.READ)).isFalse();
        assertThat(viewer.hasAccess("faults", Permission.COUNT)).isFalse();
        Authorizer admin = Authorizer.forRoles(List.of("admin"), ALL);
        assertThat(admin.hasAccess("devices", Permission.READ)).isTrue();
        assertThat(admin.filter("devices", Permission.WRITE)).hasValueSatisfying(f -> assertThat(
                new Evaluator(p -> Values.NULL, 0).holds(f)).isTrue());
        assertThat(admin.filter("users", Permission.READ)).isEmpty();
    }

    @Test
    void filtersOfTheQualifyingPermissionsAreOred() {
        Authorizer region = Authorizer.forRoles(List.of("region", "viewer"), ALL);
        var read = region.filter("devices", Permission.READ).orElseThrow();
        assertThat(new Evaluator(p -> p.equals("Tags.north") ? Boolean.TRUE : Values.NULL, 0).holds(read)).isTrue();
        assertThat(new Evaluator(p -> Values.NULL, 0).holds(read)).as("untagged: not seen").isFalse();
        var write = region.filter("devices", Permission.WRITE).orElseThrow();
        assertThat(new Evaluator(p -> p.equals("Tags.north") ? Boolean.TRUE : Values.NULL, 0).holds(write))
                .as("writes need the lab tag too").isFalse();
        var count = region.filter("devices", Permission.COUNT).orElseThrow();
        assertThat(new Evaluator(p -> Values.NULL, 0).holds(count)).as("the viewer's count has no filter").isTrue();
    }

    @Test
    void changesPassOnlyAValidateExpression() {
        Authorizer region = Authorizer.forRoles(List.of("region"), ALL);
        assertThat(region.validate("devices", "tags", Map.of("tag", "east"), Map.of(), Map.of())).isTrue();
        assertThat(region.validate("devices", "tags", Map.of("tag", "vip"), Map.of(), Map.of())).isFalse();
        assertThat(region.validate("devices", "task", Map.of("name", "reboot"), Map.of(), Map.of())).isFalse();
        Authorizer admin = Authorizer.forRoles(List.of("admin"), ALL);
        assertThat(admin.validate("devices", "delete", Map.of(), Map.of(), Map.of())).isTrue();
        assertThat(admin.validate("presets", "put", Map.of(), Map.of(), Map.of()))
                .as("write access without validate: refused, as GenieACS refuses").isFalse();
    }

    @Test
    void unusablePermissionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> permission("r", "devices", 4, null, null)).hasMessageContaining("access must be 1");
        assertThatThrownBy(() -> permission("r", "devices", 2, "Tags.x = ", null)).hasMessageContaining("filter");
        assertThatThrownBy(() -> Permission.read(Map.of("_id", "p", "access", 2))).hasMessageContaining("no role");
    }
}
