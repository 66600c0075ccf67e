package org.cwmpacs.core.expression;

import java.util.List;
import java.util.Objects;

/**
 * A parsed expression of GenieACS's filter language (preconditions, UI filters, permissions, config
 * values): literals, parameters, operators, functions and CASE. Immutable.
 */
public sealed interface Expr permits Expr.Lit, Expr.Param, Expr.Op, Expr.Fn, Expr.Case {
    /**
     * A literal: {@link Values#NULL}, a {@link Boolean}, a {@link Double} or a {@link String}.
     */
    record Lit(Object value) implements Expr {
        public Lit {
            Objects.requireNonNull(value, "value (Values.NULL for SQL's NULL)");
        }
    }

    /** A parameter path; {@code path} is a literal text, or a {@code ||} of texts and {@code {expr}} parts. */
    record Param(Expr path) implements Expr {
        public Param {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * An operator: {@code OR AND NOT = <> > >= < <= LIKE "NOT LIKE" "IS NULL" "IS NOT NULL" || + - * / %}.
     * LIKE takes an optional third argument, the escape character.
     */
    record Op(String op, List<Expr> args) implements Expr {
        public Op {
            Objects.requireNonNull(op, "op");
            args = List.copyOf(args);
        }
    }

    /** A function call; the name in upper case. */
    record Fn(String name, List<Expr> args) implements Expr {
        public Fn {
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
        }
    }

    /** {@code CASE WHEN c1 THEN v1 ... [ELSE e] END}: conditions and values alternate in {@code whenThen}. */
    record Case(List<Expr> whenThen, Expr otherwise) implements Expr {
        public Case {
            whenThen = List.copyOf(whenThen);
            Objects.requireNonNull(otherwise, "otherwise (a NULL literal when there is no ELSE)");
        }
    }
}
