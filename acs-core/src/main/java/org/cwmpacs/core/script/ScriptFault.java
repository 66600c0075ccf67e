package org.cwmpacs.core.script;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * A script's failure as GenieACS records it: fault code {@code script.<ErrorName>}, the error's message, and
 * the detail {@code {name, message, stack}}.
 */
public record ScriptFault(String code, String name, String message, String stack) {
    /** A failure raised by the ACS inside a script call (seen by the script as a thrown Error). */
    static final class Thrown extends RuntimeException {
        private final ScriptFault fault;

        Thrown(ScriptFault fault) {
            super(fault.message(), null, false, false);
            this.fault = fault;
        }

        ScriptFault fault() {
            return fault;
        }
    }

    static Thrown error(String name, String message) {
        return new Thrown(new ScriptFault("script." + name, name, message, ""));
    }

    /** From what the script threw: an Error's name, message and stack; anything else as its text. */
    static ScriptFault of(PolyglotException e, String defaultName) {
        Value thrown = e.isGuestException() ? e.getGuestObject() : null;
        String name = defaultName;
        String message = e.getMessage() == null ? "" : e.getMessage();
        String stack = "";
        if (thrown != null && thrown.hasMembers()) {
            Value n = thrown.getMember("name");
            Value m = thrown.getMember("message");
            Value s = thrown.getMember("stack");
            if (n != null && n.isString() && !n.asString().isEmpty()) {
                name = n.asString();
            }
            if (m != null && m.isString()) {
                message = m.asString();
            }
            if (s != null && s.isString()) {
                stack = s.asString();
            }
        } else if (thrown != null) {
            // throw "text": GenieACS's code is then "script" alone
            return new ScriptFault("script", "", thrown.toString(), "");
        } else if (e.isSyntaxError()) {
            name = "SyntaxError";
            message = message.replaceFirst("^SyntaxError: ", "");
        }
        return new ScriptFault("script." + name.replaceAll("[^A-Za-z0-9_]", ""), name, message, stack);
    }
}
