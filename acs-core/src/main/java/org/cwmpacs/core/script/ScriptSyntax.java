package org.cwmpacs.core.script;

import java.io.OutputStream;
import java.util.Optional;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;

/**
 * Checks that a provision or virtual-parameter script compiles, the way GenieACS will run it: strict
 * mode, inside a function body (so that a top-level {@code return} is allowed). Parsing only: nothing of
 * the script runs.
 */
public final class ScriptSyntax {
    private static final Engine ENGINE = Engine.newBuilder("js")
            .sandbox(SandboxPolicy.CONSTRAINED)
            .out(OutputStream.nullOutputStream())
            .err(OutputStream.nullOutputStream())
            // stock JDKs have no optimising Truffle compiler; parsing does not need one
            .option("engine.WarnInterpreterOnly", "false")
            .build();

    private ScriptSyntax() {
    }

    /** @return the syntax error, as {@code SyntaxError: <where and what>}; empty if the script compiles */
    public static Optional<String> check(String script) {
        String wrapped = "\"use strict\";(function(){\n" + script + "\n})();";
        try (Context context = Context.newBuilder("js").engine(ENGINE).sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream()).build()) {
            context.parse(Source.newBuilder("js", wrapped, "script.js").cached(false).buildLiteral());
            return Optional.empty();
        } catch (PolyglotException e) {
            if (e.isSyntaxError()) {
                return Optional.of("SyntaxError: " + describe(e));
            }
            if (e.isResourceExhausted()) {
                // e.g. 100,000 nested brackets: the parser's stack runs out; refused like a syntax error
                return Optional.of("the script is nested too deeply to be parsed (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    /** The parser's message, with the line and column as the script was written (the wrapper adds a line). */
    private static String describe(PolyglotException e) {
        String message = e.getMessage() == null ? "invalid script" : e.getMessage();
        // GraalJS: "SyntaxError: script.js:2:9 Expected an operand but found ;\n<source line>\n<caret>"
        message = message.replaceFirst("^SyntaxError: ", "").replaceFirst("^script\\.js:\\d+:\\d+ ", "");
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (e.getSourceLocation() != null && e.getSourceLocation().isAvailable()) {
            int line = Math.max(1, e.getSourceLocation().getStartLine() - 1);
            return message + " (line " + line + ", column " + e.getSourceLocation().getStartColumn() + ")";
        }
        return message;
    }
}
