package org.cwmpacs.core.preset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cwmpacs.core.expression.Expr;
import org.cwmpacs.core.expression.ExpressionException;
import org.cwmpacs.core.expression.Values;

/**
 * GenieACS stores some expressions already parsed, as its JSON tree (a preset's provision arguments:
 * {@code ["PARAM", "Device.X"]}, {@code ["FUNC", "NOW"]}, {@code ["+", 1, 2]}, {@code ["CASE", c, v, ...]},
 * or plain values). This reads that tree.
 */
public final class GenieAst {
    private GenieAst() {
    }

    public static Expr read(Object json) {
        if (json == null) {
            return new Expr.Lit(Values.NULL);
        }
        if (json instanceof Boolean || json instanceof String) {
            return new Expr.Lit(json);
        }
        if (json instanceof Number) {
            return new Expr.Lit(((Number) json).doubleValue());
        }
        if (!(json instanceof List) || ((List<?>) json).isEmpty() || !(((List<?>) json).get(0) instanceof String)) {
            throw new ExpressionException("not an expression: " + json);
        }
        List<?> list = (List<?>) json;
        String head = ((String) list.get(0)).toUpperCase(Locale.ROOT);
        List<Expr> rest = new ArrayList<>();
        for (int i = head.equals("FUNC") ? 2 : 1; i < list.size(); i++) {
            rest.add(read(list.get(i)));
        }
        switch (head) {
            case "PARAM":
                if (rest.size() != 1) {
                    throw new ExpressionException("PARAM takes one path: " + json);
                }
                return new Expr.Param(rest.get(0));
            case "FUNC":
                if (list.size() < 2 || !(list.get(1) instanceof String)) {
                    throw new ExpressionException("FUNC needs a name: " + json);
                }
                return new Expr.Fn(((String) list.get(1)).toUpperCase(Locale.ROOT), rest);
            case "CASE": {
                // GenieACS writes ELSE as a last pair whose condition is true
                List<Expr> whenThen = new ArrayList<>(rest);
                Expr otherwise = new Expr.Lit(Values.NULL);
                if (whenThen.size() % 2 == 1) {
                    throw new ExpressionException("CASE needs condition and value pairs: " + json);
                }
                return new Expr.Case(whenThen, otherwise);
            }
            case "AND": case "OR": case "NOT": case "=": case "<>": case ">": case ">=": case "<": case "<=":
            case "LIKE": case "NOT LIKE": case "IS NULL": case "IS NOT NULL": case "||": case "+": case "-":
            case "*": case "/": case "%":
                return new Expr.Op(head, rest);
            default:
                throw new ExpressionException("unknown operator " + head + " in " + json);
        }
    }
}
