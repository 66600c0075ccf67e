package org.cwmpacs.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptSyntaxTest {
    @Test
    void scriptsGenieAcsAcceptsCompile() {
        assertThat(ScriptSyntax.check("log(\"Provision started at \" + now);")).isEmpty();
        assertThat(ScriptSyntax.check("const now = Date.now();\nif (!args[0]) return;\n"
                + "declare(\"Device.DeviceInfo.SoftwareVersion\", {value: now});")).as("a top-level return").isEmpty();
        assertThat(ScriptSyntax.check("")).isEmpty();
    }

    @Test
    void aSyntaxErrorSaysWhereInTheScriptAsWritten() {
        assertThat(ScriptSyntax.check("let a = 1;\nlet b = ;")).hasValueSatisfying(e -> assertThat(e)
                .startsWith("SyntaxError: ").contains("line 2"));
        assertThat(ScriptSyntax.check("with (a) {}")).as("strict mode, as GenieACS runs scripts").isPresent();
    }

    @Test
    void nothingOfTheScriptRuns() {
        assertThat(ScriptSyntax.check("while (true) {}")).isEmpty();
    }
}
