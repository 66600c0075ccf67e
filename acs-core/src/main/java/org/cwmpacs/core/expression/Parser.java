package org.cwmpacs.core.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads GenieACS's expression language, with the same grammar and precedence (low to high): {@code OR},
 * {@code AND}, {@code NOT}, comparisons ({@code = <> > >= < <=}, {@code [NOT] LIKE … [ESCAPE …]},
 * {@code IS [NOT] NULL}), {@code ||}, {@code + -}, {@code * / %}; values are NULL, TRUE, FALSE, numbers,
 * 'SQL' and "JavaScript" strings, function calls, CASE, parameters ({@code A.b.1.c}, with {@code {expr}}
 * segments) and parentheses. Keywords are case-insensitive. A mistake is reported with its position and what
 * was expected there.
 */
public final class Parser {
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern PARAM_TEXT = Pattern.compile("[a-zA-Z0-9_.*-]+");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_]+");
    /** Deeper nesting is refused before the parser's stack runs out. */
    static final int MAX_DEPTH = 200;

    private final String text;
    private int pos;
    private int depth;

    private Parser(String text) {
        this.text = text;
    }

    /** The expression; an empty text is NULL, as in GenieACS. */
    public static Expr parse(String text) {
        if (text == null || text.isBlank()) {
            return new Expr.Lit(Values.NULL);
        }
        Parser p = new Parser(text);
        p.blanks();
        Expr e = p.expression();
        if (p.pos < text.length()) {
            throw p.expected("an operator or the end");
        }
        return e;
    }

    private Expr expression() {
        enter();
        try {
            return or();
        } finally {
            depth--;
        }
    }

    /** Every recursion (parentheses, braces, arguments, CASE, a run of NOTs) counts against the depth limit. */
    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException("expression nested deeper than " + MAX_DEPTH + " levels", pos);
        }
    }

    private Expr or() {
        List<Expr> args = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            args.add(and());
        }
        return args.size() == 1 ? args.get(0) : new Expr.Op("OR", args);
    }

    private Expr and() {
        List<Expr> args = new ArrayList<>(List.of(not()));
        while (keyword("AND")) {
            args.add(not());
        }
        return args.size() == 1 ? args.get(0) : new Expr.Op("AND", args);
    }

    private Expr not() {
        int start = pos;
        if (keyword("NOT")) {
            // "NOT LIKE" only follows a value
            if (peekKeyword("LIKE")) {
                pos = start;
            } else {
                enter();
                try {
                    return new Expr.Op("NOT", List.of(not()));
                } finally {
                    depth--;
                }
            }
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = valueExpression();
        int start = pos;
        if (keyword("IS")) {
            boolean not = keyword("NOT");
            if (!keyword("NULL")) {
                throw expected("NULL");
            }
            return new Expr.Op(not ? "IS NOT NULL" : "IS NULL", List.of(left));
        }
        pos = start;
        boolean notLike = false;
        if (keyword("NOT")) {
            if (!keyword("LIKE")) {
                pos = start;
                return left;
            }
            notLike = true;
        } else if (!keyword("LIKE")) {
            for (String op : new String[] {">=", "<>", "<=", "=", ">", "<"}) {
                if (text.startsWith(op, pos)) {
                    pos += op.length();
                    blanks();
                    return new Expr.Op(op, List.of(left, valueExpression()));
                }
            }
            return left;
        }
        Expr pattern = valueExpression();
        List<Expr> args = new ArrayList<>(List.of(left, pattern));
        if (keyword("ESCAPE")) {
            args.add(valueExpression());
        }
        return new Expr.Op(notLike ? "NOT LIKE" : "LIKE", args);
    }

    private Expr valueExpression() {
        return binary(new String[] {"||"}, 0);
    }

    private static final String[][] LEVELS = {{"||"}, {"+", "-"}, {"*", "/", "%"}};

    private Expr binary(String[] ops, int level) {
        Expr acc = level + 1 < LEVELS.length ? binary(LEVELS[level + 1], level + 1) : primary();
        while (true) {
            String op = null;
            for (String o : ops) {
                // "||" is not two "|"; a "-" that starts a number is still an operator here, as in GenieACS
                if (text.startsWith(o, pos)) {
                    op = o;
                    break;
                }
            }
            if (op == null) {
                return acc;
            }
            pos += op.length();
            blanks();
            Expr next = level + 1 < LEVELS.length ? binary(LEVELS[level + 1], level + 1) : primary();
            // left-associative, and a run of one operator is one node, as GenieACS builds it
            if (acc instanceof Expr.Op && ((Expr.Op) acc).op().equals(op)) {
                List<Expr> args = new ArrayList<>(((Expr.Op) acc).args());
                args.add(next);
                acc = new Expr.Op(op, args);
            } else {
                acc = new Expr.Op(op, List.of(acc, next));
            }
        }
    }

    private Expr primary() {
        if (pos >= text.length()) {
            throw expected("a value, a parameter or '('");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            blanks();
            Expr inner = expression();
            expect(")");
            return inner;
        }
        if (keyword("NULL")) {
            return new Expr.Lit(Values.NULL);
        }
        if (keyword("TRUE")) {
            return new Expr.Lit(Boolean.TRUE);
        }
        if (keyword("FALSE")) {
            return new Expr.Lit(Boolean.FALSE);
        }
        Matcher number = NUMBER.matcher(text).region(pos, text.length());
        if (number.lookingAt() && !nameCharAt(number.end())) {
            pos = number.end();
            blanks();
            return new Expr.Lit(Double.parseDouble(number.group()));
        }
        if (c == '\'') {
            return new Expr.Lit(sqlString());
        }
        if (c == '"') {
            return new Expr.Lit(jsString());
        }
        if (peekKeyword("CASE")) {
            return caseStatement();
        }
        Matcher name = NAME.matcher(text).region(pos, text.length());
        if (name.lookingAt()) {
            int after = name.end();
            int look = after;
            while (look < text.length() && Character.isWhitespace(text.charAt(look))) {
                look++;
            }
            if (look < text.length() && text.charAt(look) == '(') {
                String fn = name.group().toUpperCase(Locale.ROOT);
                pos = look + 1;
                blanks();
                List<Expr> args = new ArrayList<>();
                if (!text.startsWith(")", pos)) {
                    args.add(expression());
                    while (text.startsWith(",", pos)) {
                        pos++;
                        blanks();
                        args.add(expression());
                    }
                }
                expect(")");
                return new Expr.Fn(fn, args);
            }
        }
        return parameter();
    }

    private Expr parameter() {
        List<Expr> parts = new ArrayList<>();
        while (pos < text.length()) {
            Matcher m = PARAM_TEXT.matcher(text).region(pos, text.length());
            if (m.lookingAt()) {
                parts.add(new Expr.Lit(m.group()));
                pos = m.end();
            } else if (text.charAt(pos) == '{') {
                pos++;
                blanks();
                parts.add(expression());
                if (!text.startsWith("}", pos)) {
                    throw expected("'}'");
                }
                pos++;
            } else {
                break;
            }
        }
        if (parts.isEmpty()) {
            throw expected("a value, a parameter or '('");
        }
        blanks();
        return new Expr.Param(parts.size() == 1 ? parts.get(0) : new Expr.Op("||", parts));
    }

    private Expr caseStatement() {
        keyword("CASE");
        List<Expr> whenThen = new ArrayList<>();
        while (keyword("WHEN")) {
            whenThen.add(expression());
            if (!keyword("THEN")) {
                throw expected("THEN");
            }
            whenThen.add(expression());
        }
        Expr otherwise = new Expr.Lit(Values.NULL);
        if (keyword("ELSE")) {
            otherwise = expression();
        }
        if (!keyword("END")) {
            throw expected(whenThen.isEmpty() ? "WHEN, ELSE or END" : "WHEN, ELSE or END");
        }
        return new Expr.Case(whenThen, otherwise);
    }

    /** 'text', where '' is a quote. */
    private String sqlString() {
        StringBuilder out = new StringBuilder();
        int start = pos;
        while (pos < text.length() && text.charAt(pos) == '\'') {
            int end = text.indexOf('\'', pos + 1);
            if (end < 0) {
                throw new ExpressionException("string not closed: expected \"'\"", start);
            }
            if (out.length() > 0 || pos > start) {
                out.append('\'');
            }
            out.append(text, pos + 1, end);
            pos = end + 1;
        }
        blanks();
        return out.toString();
    }

    /** "text" with JavaScript's backslash escapes. */
    private String jsString() {
        int start = pos;
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length() && text.charAt(pos) != '"') {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                char e = text.charAt(pos + 1);
                if (e == 'u' && pos + 5 < text.length()
                        && text.substring(pos + 2, pos + 6).matches("[0-9a-fA-F]{4}")) {
                    out.append((char) Integer.parseInt(text.substring(pos + 2, pos + 6), 16));
                    pos += 6;
                    continue;
                }
                out.append(switch (e) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e;
                });
                pos += 2;
            } else {
                out.append(c);
                pos++;
            }
        }
        if (pos >= text.length()) {
            throw new ExpressionException("string not closed: expected '\"'", start);
        }
        pos++;
        blanks();
        return out.toString();
    }

    /** A keyword (case-insensitive, not followed by a name character), and the blanks after it. */
    private boolean keyword(String word) {
        if (!peekKeyword(word)) {
            return false;
        }
        pos += word.length();
        blanks();
        return true;
    }

    private boolean peekKeyword(String word) {
        return text.regionMatches(true, pos, word, 0, word.length()) && !nameCharAt(pos + word.length());
    }

    private boolean nameCharAt(int i) {
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    private void expect(String token) {
        if (!text.startsWith(token, pos)) {
            throw expected("'" + token + "'");
        }
        pos += token.length();
        blanks();
    }

    private void blanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ExpressionException expected(String what) {
        String found = pos >= text.length() ? "the end" : "'" + text.substring(pos, Math.min(text.length(), pos + 12))
                + (pos + 12 < text.length() ? "…" : "") + "'";
        return new ExpressionException("expected " + what + ", found " + found, pos);
    }
}
