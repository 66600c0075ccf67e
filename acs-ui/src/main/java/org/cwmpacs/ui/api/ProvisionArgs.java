package org.cwmpacs.ui.api;

import java.util.ArrayList;
import java.util.List;
import org.cwmpacs.core.expression.Evaluator;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.Parser;
import org.cwmpacs.core.expression.Values;

/** A preset's provision arguments as the UI writes them: expressions separated by commas, each a value. */
final class ProvisionArgs {
    private ProvisionArgs() {
    }

    static List<Object> parse(String text) {
        Expr list;
        try {
            // the parser's own argument list splits at the right commas (not those inside strings)
            list = Parser.parse("COALESCE(" + text + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("provision arguments: " + e.getMessage());
        }
        if (!(list instanceof Expr.Fn fn)) {
            throw new IllegalArgumentException("provision arguments: a list of values separated by commas");
        }
        List<Object> out = new ArrayList<>();
        Evaluator evaluator = new Evaluator(p -> Values.NULL, System.currentTimeMillis());
        for (Expr arg : fn.args()) {
            Object v = evaluator.evaluate(arg);
            if (Values.isNull(v)) {
                out.add(null);
            } else if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
                out.add(d.longValue());
            } else {
                out.add(v);
            }
        }
        return out;
    }
}
