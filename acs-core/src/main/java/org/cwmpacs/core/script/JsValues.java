package org.cwmpacs.core.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/** Script values as plain Java: null, Boolean, Double, String, Instant (a Date), List, Map. */
final class JsValues {
    /** Deeper structures are cut off: a script's arguments are small. */
    private static final int MAX_DEPTH = 32;

    private JsValues() {
    }

    static Object toJava(Value v) {
        return toJava(v, 0);
    }

    private static Object toJava(Value v, int depth) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.isInstant()) {
            return v.asInstant();
        }
        if (depth >= MAX_DEPTH) {
            return null;
        }
        if (v.hasArrayElements()) {
            List<Object> list = new ArrayList<>();
            long n = Math.min(v.getArraySize(), 100_000);
            for (long i = 0; i < n; i++) {
                list.add(toJava(v.getArrayElement(i), depth + 1));
            }
            return list;
        }
        if (v.hasMembers()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String key : v.getMemberKeys()) {
                Value member = v.getMember(key);
                if (member != null && !member.canExecute()) {
                    map.put(key, toJava(member, depth + 1));
                }
            }
            return map;
        }
        return v.toString();
    }

    static boolean truthy(Value v) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            return d != 0 && !Double.isNaN(d);
        }
        if (v.isString()) {
            return !v.asString().isEmpty();
        }
        return true;
    }
}
