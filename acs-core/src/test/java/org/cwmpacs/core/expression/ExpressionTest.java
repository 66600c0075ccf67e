package org.cwmpacs.core.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GenieACS's expression language: what parses to what, and what it evaluates to (GenieACS's semantics). */
class ExpressionTest {
    private final Map<String, Object> device = new HashMap<>(Map.of(
            "DeviceID.ProductClass", "HG8245", "DeviceID.SerialNumber", "S1",
            "InternetGatewayDevice.ManagementServer.PeriodicInformInterval", 300.0,
            "InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V1.2-beta",
            "Events.Inform", 1_700_000_000_000.0, "Tags.lab", Boolean.TRUE,
            "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID", "home"));

    private Object eval(String text) {
        return new Evaluator(device::get, 1_700_000_300_000L).evaluate(Parser.parse(text));
    }

    @Test
    void literalsOperatorsAndPrecedence() {
        assertThat(eval("1 + 2 * 3")).isEqualTo(7.0);
        assertThat(eval("(1 + 2) * 3")).isEqualTo(9.0);
        assertThat(eval("10 - 3 - 2")).isEqualTo(5.0);
        assertThat(eval("7 % 4")).isEqualTo(3.0);
        assertThat(eval("1 / 0")).isEqualTo(Values.NULL);
        assertThat(eval("'a' || 'b' || 1")).isEqualTo("ab1");
        assertThat(eval("'it''s'")).isEqualTo("it's");
        assertThat(eval("\"tab\\there\\u0041\"")).isEqualTo("tab\there" + "A");
        assertThat(eval("TRUE AND NOT FALSE")).isEqualTo(true);
        assertThat(eval("true or null")).isEqualTo(true);
        assertThat(eval("false or null")).isEqualTo(Values.NULL);
        assertThat(eval("false and null")).isEqualTo(false);
        assertThat(eval("true and null")).isEqualTo(Values.NULL);
        assertThat(eval("NOT NULL")).isEqualTo(Values.NULL);
        assertThat(eval("1 = 1 AND 2 > 1 OR 1 = 0")).isEqualTo(true);
        assertThat(eval("-1.5e1 < -14")).isEqualTo(true);
    }

    @Test
    void comparisonsAcrossTypesAsGenieAcsComparesThem() {
        assertThat(eval("'10' > 9")).as("a text is greater than any number").isEqualTo(true);
        assertThat(eval("true = 1")).isEqualTo(true);
        assertThat(eval("'abc' < 'abd'")).isEqualTo(true);
        assertThat(eval("1 = NULL")).isEqualTo(Values.NULL);
        assertThat(eval("'5' + 1")).isEqualTo(6.0);
        assertThat(eval("'5x' * 2")).isEqualTo(10.0);
        assertThat(eval("'x' + 1")).isEqualTo(1.0);
        assertThat(eval("UPPER(true)")).isEqualTo("1");
    }

    @Test
    void parametersOfADevice() {
        assertThat(eval("DeviceID.ProductClass LIKE 'HG8%' AND NOT Tags.lab IS NULL")).isEqualTo(true);
        assertThat(eval("InternetGatewayDevice.ManagementServer.PeriodicInformInterval >= 300")).isEqualTo(true);
        assertThat(eval("Events.Inform > NOW() - 6 * 60 * 1000")).isEqualTo(true);
        assertThat(eval("Events.Inform > NOW() - 4 * 60 * 1000")).isEqualTo(false);
        assertThat(eval("LOWER(InternetGatewayDevice.DeviceInfo.SoftwareVersion) LIKE '%beta%'")).isEqualTo(true);
        assertThat(eval("Tags.other IS NULL")).isEqualTo(true);
        assertThat(eval("Tags.other = true")).isEqualTo(Values.NULL);
        assertThat(eval("NoSuch.Param = 1")).isEqualTo(Values.NULL);
        assertThat(eval("InternetGatewayDevice.LANDevice.{1}.WLANConfiguration.{2 - 1}.SSID")).isEqualTo("home");
    }

    @Test
    void likeWithEscapeAndUnderscore() {
        assertThat(eval("'50%' LIKE '50!%' ESCAPE '!'")).isEqualTo(true);
        assertThat(eval("'500' LIKE '50!%' ESCAPE '!'")).isEqualTo(false);
        assertThat(eval("'abc' LIKE 'a_c'")).isEqualTo(true);
        assertThat(eval("'a.c' NOT LIKE 'a_c'")).isEqualTo(false);
        assertThat(eval("'a(c' LIKE 'a(c'")).as("pattern characters are literal").isEqualTo(true);
        assertThat(eval("NULL LIKE 'x'")).isEqualTo(Values.NULL);
        assertThat(eval("300 LIKE '3%'")).as("texts only, as the database query matches").isEqualTo(false);
    }

    @Test
    void caseFoldedLikeIsACaseInsensitiveQuery() {
        assertThat(eval("UPPER(InternetGatewayDevice.DeviceInfo.SoftwareVersion) LIKE 'V1.2-BETA'")).isEqualTo(true);
        assertThat(eval("LOWER(InternetGatewayDevice.DeviceInfo.SoftwareVersion) LIKE 'V1%'"))
                .as("a folded text never has the other case").isEqualTo(false);
        assertThat(eval("LOWER(InternetGatewayDevice.ManagementServer.PeriodicInformInterval) LIKE '3%'"))
                .as("a number is no text, folded or not").isEqualTo(false);
        assertThat(eval("LOWER(NoSuch.Param) LIKE 'x'")).isEqualTo(Values.NULL);
        Map<String, Object> query = MongoQuery.devices(Parser.parse(
                "LOWER(InternetGatewayDevice.DeviceInfo.SoftwareVersion) LIKE '%beta%'"), 0);
        java.util.regex.Pattern regex = (java.util.regex.Pattern) ((Map<?, ?>) query.get(
                "InternetGatewayDevice.DeviceInfo.SoftwareVersion._value")).get("$regex");
        assertThat(regex.matcher("V1.2-BETA").find()).isTrue();
        assertThat(MongoQuery.devices(Parser.parse("LOWER(DeviceID.ProductClass) LIKE 'HG%'"), 0))
                .as("matches nothing").isEqualTo(Map.of("_id", Map.of("$in", java.util.List.of())));
    }

    @Test
    void functionsAndCase() {
        assertThat(eval("COALESCE(NULL, NoSuch.X, 'x', 'y')")).isEqualTo("x");
        assertThat(eval("ROUND(2.5)")).isEqualTo(3.0);
        assertThat(eval("ROUND(1.005, 2)")).isEqualTo(1.01);
        assertThat(eval("CASE WHEN 1 = 2 THEN 'a' WHEN 2 = 2 THEN 'b' ELSE 'c' END")).isEqualTo("b");
        assertThat(eval("case when false then 1 end")).isEqualTo(Values.NULL);
        assertThat(eval("upper('x') || lower('Y')")).isEqualTo("Xy");
    }

    @Test
    void numbersAreWrittenAsJavaScriptWritesThem() {
        assertThat(eval("'' || 1")).isEqualTo("1");
        assertThat(eval("'' || 0.1 + 0.2")).isEqualTo("0.30000000000000004");
        assertThat(eval("'' || 1e21")).isEqualTo("1e+21");
        assertThat(eval("'' || 1 / 3")).isEqualTo("0.3333333333333333");
    }

    @Test
    void mistakesNameTheirPositionAndWhatWasExpected() {
        assertThatThrownBy(() -> Parser.parse("a = ")).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("expected a value, a parameter or '('").hasMessageContaining("position 5");
        assertThatThrownBy(() -> Parser.parse("a = 'open")).hasMessageContaining("string not closed")
                .hasMessageContaining("position 5");
        assertThatThrownBy(() -> Parser.parse("(a = 1")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> Parser.parse("a IS 1")).hasMessageContaining("expected NULL");
        assertThatThrownBy(() -> Parser.parse("CASE WHEN a THEN 1")).hasMessageContaining("expected WHEN, ELSE or END");
        assertThatThrownBy(() -> Parser.parse("a = 1 b")).hasMessageContaining("expected an operator or the end")
                .hasMessageContaining("'b'");
        assertThatThrownBy(() -> Parser.parse("(".repeat(10_000) + "1" + ")".repeat(10_000)))
                .hasMessageContaining("nested deeper than");
        assertThatThrownBy(() -> Parser.parse("NOT ".repeat(100_000) + "TRUE"))
                .hasMessageContaining("nested deeper than");
        assertThat(Parser.parse("")).isEqualTo(new Expr.Lit(Values.NULL));
    }

    @Test
    void theTreeIsGenieAcssShape() {
        assertThat(Parser.parse("a OR b OR c")).isEqualTo(new Expr.Op("OR", java.util.List.of(param("a"), param("b"),
                param("c"))));
        assertThat(Parser.parse("NOT a = 1")).isEqualTo(new Expr.Op("NOT", java.util.List.of(
                new Expr.Op("=", java.util.List.of(param("a"), new Expr.Lit(1.0))))));
        assertThat(Parser.parse("a NOT LIKE 'x'")).isEqualTo(new Expr.Op("NOT LIKE", java.util.List.of(param("a"),
                new Expr.Lit("x"))));
    }

    private static Expr param(String p) {
        return new Expr.Param(new Expr.Lit(p));
    }
}
