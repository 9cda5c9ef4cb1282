package dev.pulleykit.wasmtime;

import dev.pulleykit.wasmtime.WitType.Primitive;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one WAVE value of a known WIT type from a region of a text, by recursive descent.
 * Columns in errors count code points of the whole text, so an argument's errors point into
 * the call it came from. See {@link Wave} for the grammar this follows.
 */
final class WaveReader {
    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "some", "none", "ok", "err", "inf", "nan");

    private final String src;
    private final int end;
    private final String context;
    private int pos;

    /** A label as written: its name without {@code %}, and whether it had the {@code %}. */
    private record Label(String name, boolean escaped, int at) {
        boolean is(String keyword) { return !escaped && name.equals(keyword); }
    }

    WaveReader(String src, int start, int end, String context) {
        this.src = src;
        this.pos = start;
        this.end = end;
        this.context = context;
    }

    /** Reads a whole region as one value: nothing but whitespace and comments may follow it. */
    WitValue readAll(WitType type, String root) {
        WitValue v = value(type, root);
        skip();
        if (pos < end) {
            throw fail(pos, root, "nothing more after the value (" + type + ")", found(pos),
                "the value ends before it; check for a missing bracket or an extra one");
        }
        return v;
    }

    static boolean isKeyword(String label) { return KEYWORDS.contains(label); }

    // ---- values, by type --------------------------------------------------------------------

    private WitValue value(WitType type, String path) {
        skip();
        int at = pos;
        return switch (type) {
            case Primitive p -> primitive(p, at, path);
            case WitType.ListType(WitType element) -> {
                expect('[', type, path);
                List<WitValue> items = new ArrayList<>();
                sequence(']', type, path, () -> items.add(value(element, path + "[" + items.size() + "]")));
                yield new WitValue.ListValue(items);
            }
            case WitType.TupleType(List<WitType> types) -> {
                expect('(', type, path);
                List<WitValue> items = new ArrayList<>();
                sequence(')', type, path, () -> {
                    if (items.size() == types.size()) {
                        throw fail(pos, path, type.toString(), found(pos), "a " + type + " has exactly " + types.size() + " items");
                    }
                    items.add(value(types.get(items.size()), path + "." + items.size()));
                });
                if (items.size() != types.size()) {
                    throw fail(at, path, type.toString(), items.size() + " items", "a " + type + " has exactly " + types.size() + " items");
                }
                yield new WitValue.TupleValue(items);
            }
            case WitType.RecordType record -> record(record, at, path);
            case WitType.VariantType(List<WitType.Case> cases) -> {
                Label label = caseLabel(type, path);
                WitType.Case c = cases.stream().filter(k -> k.name().equals(label.name())).findFirst().orElseThrow(() ->
                    fail(label.at(), path, type.toString(), label.name(), "the cases are " + caseList(cases)));
                yield new WitValue.VariantValue(c.name(), payload(c.name(), c.payload(), type, path));
            }
            case WitType.EnumType(List<String> names) -> {
                Label label = caseLabel(type, path);
                if (!names.contains(label.name())) {
                    throw fail(label.at(), path, type.toString(), label.name(), "the cases are " + String.join(", ", names));
                }
                yield new WitValue.EnumValue(label.name());
            }
            case WitType.OptionType(WitType inner) -> option(type, inner, at, path);
            case WitType.ResultType result -> result(result, at, path);
            case WitType.FlagsType(List<String> names) -> flags(type, names, path);
            case WitType.HandleType h -> throw fail(at, path, type.toString(), found(at),
                "resources have no WAVE text; call a function that makes one instead");
            case WitType.Unsupported u -> throw fail(at, path, type.toString(), found(at),
                "the kit cannot carry values of this type yet");
        };
    }

    private WitValue primitive(Primitive p, int at, String path) {
        switch (p) {
            case BOOL -> {
                Label l = labelOrNull();
                if (l != null && l.is("true")) return new WitValue.Bool(true);
                if (l != null && l.is("false")) return new WitValue.Bool(false);
                throw fail(at, path, "bool", found(at), "write true or false");
            }
            case F32, F64 -> {
                String text = floatToken();
                if (text == null) throw fail(at, path, p.toString(), found(at), "write a number such as 1.5 or 6.02e23, or nan, inf, -inf");
                double d = switch (text) {
                    case "nan" -> Double.NaN;
                    case "inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    default -> p == Primitive.F32 ? Float.parseFloat(text) : Double.parseDouble(text);
                };
                return p == Primitive.F32 ? new WitValue.F32((float) d) : new WitValue.F64(d);
            }
            case CHAR -> { return new WitValue.Char(charLiteral(path)); }
            case STRING -> { return new WitValue.Str(stringLiteral(path)); }
            default -> { return integer(p, at, path); }
        }
    }

    private WitValue integer(Primitive p, int at, String path) {
        Matcher m = NUMBER.matcher(src).region(pos, end);
        if (!m.lookingAt() || continuesWord(m.end())) {
            throw fail(at, path, p.toString(), found(at), "write a whole number in decimal, such as 42 or -7");
        }
        String text = m.group();
        if (text.contains(".") || text.contains("e") || text.contains("E")) {
            throw fail(at, path, p.toString(), text, "not a whole number");
        }
        BigInteger n = new BigInteger(text);
        BigInteger[] range = range(p);
        if (text.startsWith("-") && range[0].signum() == 0) {
            throw fail(at, path, p.toString(), text, "unsigned, never negative: " + range[0] + ".." + range[1]);
        }
        if (n.compareTo(range[0]) < 0 || n.compareTo(range[1]) > 0) {
            throw fail(at, path, p.toString(), text, "out of range " + range[0] + ".." + range[1]);
        }
        pos = m.end();
        return switch (p) {
            case S8 -> new WitValue.S8(n.byteValue());
            case U8 -> new WitValue.U8(n.intValue());
            case S16 -> new WitValue.S16(n.shortValue());
            case U16 -> new WitValue.U16(n.intValue());
            case S32 -> new WitValue.S32(n.intValue());
            case U32 -> new WitValue.U32(n.longValue());
            case S64 -> new WitValue.S64(n.longValue());
            case U64 -> new WitValue.U64(n.longValue());
            default -> throw new IllegalStateException(p + " is not an integer type");
        };
    }

    private static BigInteger[] range(Primitive p) {
        return switch (p) {
            case S8 -> bounds(Byte.MIN_VALUE, Byte.MAX_VALUE);
            case U8 -> bounds(0, 0xFF);
            case S16 -> bounds(Short.MIN_VALUE, Short.MAX_VALUE);
            case U16 -> bounds(0, 0xFFFF);
            case S32 -> bounds(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case U32 -> bounds(0, 0xFFFF_FFFFL);
            case S64 -> bounds(Long.MIN_VALUE, Long.MAX_VALUE);
            case U64 -> new BigInteger[] {BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)};
            default -> throw new IllegalStateException(p + " is not an integer type");
        };
    }

    private static BigInteger[] bounds(long min, long max) { return new BigInteger[] {BigInteger.valueOf(min), BigInteger.valueOf(max)}; }

    private WitValue record(WitType.RecordType type, int at, String path) {
        expect('{', type, path);
        Map<String, WitValue> given = new LinkedHashMap<>();
        if (peek() == ':') {
            pos++;
            expect('}', type, path);
        } else {
            if (peek() == '}') {
                throw fail(pos, path, type.toString(), "{}", "{} is empty flags; a record with every field none is written {:}");
            }
            sequence('}', type, path, () -> {
                Label name = labelOrNull();
                if (name == null) throw fail(pos, path, "a field name of " + type, found(pos), "fields are written name: value");
                WitType.Field field = type.fields().stream().filter(f -> f.name().equals(name.name())).findFirst().orElseThrow(() ->
                    fail(name.at(), path, type.toString(), "field " + name.name(), "its fields are " + fieldList(type)));
                if (given.containsKey(field.name())) throw fail(name.at(), path, type.toString(), "field " + field.name() + " twice", "give each field once");
                expect(':', type, path);
                given.put(field.name(), value(field.type(), path + "." + field.name()));
            });
        }
        Map<String, WitValue> fields = new LinkedHashMap<>();
        for (WitType.Field f : type.fields()) {
            WitValue v = given.get(f.name());
            if (v == null && f.type() instanceof WitType.OptionType) v = WitValue.none();
            if (v == null) {
                throw fail(at, path, type.toString(), "no field " + f.name(), "add " + f.name() + ": <" + f.type() + ">");
            }
            fields.put(f.name(), v);
        }
        return new WitValue.RecordValue(fields);
    }

    private WitValue option(WitType type, WitType inner, int at, String path) {
        Label l = peekLabel();
        if (l != null && l.is("none")) {
            pos = l.at() + l.name().length();
            return WitValue.none();
        }
        if (l != null && l.is("some")) {
            pos = l.at() + l.name().length();
            return new WitValue.OptionValue(payload("some", inner, type, path));
        }
        if (flattenable(inner)) return new WitValue.OptionValue(value(inner, path));
        throw fail(at, path, type.toString(), found(at), "write some(...) or none");
    }

    private WitValue result(WitType.ResultType type, int at, String path) {
        Label l = peekLabel();
        if (l != null && (l.is("ok") || l.is("err"))) {
            pos = l.at() + l.name().length();
            boolean ok = l.is("ok");
            return new WitValue.ResultValue(ok, payload(l.name(), ok ? type.ok() : type.err(), type, path));
        }
        if (type.ok() != null && flattenable(type.ok())) return new WitValue.ResultValue(true, value(type.ok(), path));
        throw fail(at, path, type.toString(), found(at), "write " + (type.ok() == null ? "ok" : "ok(...)") + " or " + (type.err() == null ? "err" : "err(...)"));
    }

    private WitValue flags(WitType type, List<String> names, String path) {
        expect('{', type, path);
        Set<String> given = new HashSet<>();
        sequence('}', type, path, () -> {
            Label l = labelOrNull();
            if (l == null) throw fail(pos, path, type.toString(), found(pos), "flags are written {name, name}");
            if (!names.contains(l.name())) throw fail(l.at(), path, type.toString(), l.name(), "the flags are " + String.join(", ", names));
            if (!given.add(l.name())) throw fail(l.at(), path, type.toString(), l.name() + " twice", "give each flag once");
        });
        Set<String> ordered = new LinkedHashSet<>();
        for (String n : names) if (given.contains(n)) ordered.add(n);
        return new WitValue.FlagsValue(ordered);
    }

    /** A case payload in parentheses, required exactly when the case has one. */
    private WitValue payload(String caseName, WitType payloadType, WitType type, String path) {
        boolean open = peek() == '(';
        if (payloadType == null) {
            if (open) throw fail(pos, path, type.toString(), caseName + "(...)", caseName + " carries no value; write just " + caseName);
            return null;
        }
        if (!open) throw fail(pos, path, type.toString(), caseName + " without a value", "write " + caseName + "(<" + payloadType + ">)");
        pos++;
        WitValue v = value(payloadType, path + "." + caseName);
        expect(')', type, path);
        return v;
    }

    /** Only options and results must be spelled out as some(...)/ok(...) when nested in each other. */
    private static boolean flattenable(WitType t) {
        return !(t instanceof WitType.OptionType) && !(t instanceof WitType.ResultType);
    }

    private Label caseLabel(WitType type, String path) {
        Label l = labelOrNull();
        if (l == null) throw fail(pos, path, type.toString(), found(pos), "write one of its cases by name");
        if (!l.escaped() && isKeyword(l.name())) {
            throw fail(l.at(), path, type.toString(), l.name(), "a case named like the WAVE keyword " + l.name() + " is written %" + l.name());
        }
        return l;
    }

    // ---- tokens -----------------------------------------------------------------------------

    /** Items separated by commas (a trailing comma is allowed) up to {@code close}; the opener is already read. */
    private void sequence(char close, WitType type, String path, Runnable item) {
        while (true) {
            if (peek() == close) { pos++; return; }
            item.run();
            int c = peek();
            if (c == ',') { pos++; continue; }
            if (c == close) { pos++; return; }
            throw fail(pos, path, "',' or '" + close + "' in " + type, found(pos), null);
        }
    }

    private void expect(char c, WitType type, String path) {
        if (peek() != c) throw fail(pos, path, type.toString(), found(pos), "'" + c + "' was expected here");
        pos++;
    }

    private int peek() {
        skip();
        return pos < end ? src.charAt(pos) : -1;
    }

    /** Skips whitespace and comments ({@code //} to the end of the line). */
    private void skip() {
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') pos++;
            else if (c == '/' && pos + 1 < end && src.charAt(pos + 1) == '/') {
                while (pos < end && src.charAt(pos) != '\n') pos++;
            } else return;
        }
    }

    private Label peekLabel() {
        int save = pos;
        Label l = labelOrNull();
        pos = save;
        return l;
    }

    private Label labelOrNull() {
        skip();
        int at = pos, p = pos;
        boolean escaped = p < end && src.charAt(p) == '%';
        if (escaped) p++;
        if (p >= end || !isAsciiLetter(src.charAt(p))) return null;
        int startName = p;
        while (p < end && (isAsciiLetter(src.charAt(p)) || isDigit(src.charAt(p)) || src.charAt(p) == '-')) p++;
        pos = p;
        return new Label(src.substring(startName, p), escaped, at);
    }

    private String floatToken() {
        Label l = peekLabel();
        if (l != null && (l.is("nan") || l.is("inf"))) {
            pos = l.at() + l.name().length();
            return l.name();
        }
        if (src.startsWith("-inf", pos) && !continuesWord(pos + 4)) {
            pos += 4;
            return "-inf";
        }
        Matcher m = NUMBER.matcher(src).region(pos, end);
        if (!m.lookingAt() || continuesWord(m.end())) return null;
        pos = m.end();
        return m.group();
    }

    private boolean continuesWord(int at) {
        if (at >= end) return false;
        char c = src.charAt(at);
        return isAsciiLetter(c) || isDigit(c) || c == '.' || c == '_';
    }

    private int charLiteral(String path) {
        int at = pos;
        if (peek() != '\'') throw fail(at, path, "char", found(at), "chars are written in single quotes: 'x', '\\n', '\\u{1F600}'");
        pos++;
        if (pos >= end) throw fail(at, path, "char", "an unclosed '", "close it with '");
        int cp = src.codePointAt(pos);
        if (cp == '\'' || cp == '\n') throw fail(at, path, "char", found(at), "a quote or newline is written '\\'' or '\\n'");
        cp = cp == '\\' ? escape(path) : advance(cp);
        if (pos >= end || src.charAt(pos) != '\'') {
            throw fail(at, path, "char", found(at), "a char holds exactly one character; use \"...\" for a string");
        }
        pos++;
        return cp;
    }

    private String stringLiteral(String path) {
        int at = pos;
        if (peek() != '"') throw fail(at, path, "string", found(at), "strings are written in double quotes: \"hello\"");
        if (src.startsWith("\"\"\"", pos)) return multilineString(path);
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= end) throw fail(at, path, "string", "an unclosed string", "close it with \"");
            int cp = src.codePointAt(pos);
            if (cp == '"') { pos++; return b.toString(); }
            if (cp == '\n') throw fail(pos, path, "string", "a line break inside \"...\"", "write \\n, or use a \"\"\" multiline string");
            b.appendCodePoint(cp == '\\' ? escape(path) : advance(cp));
        }
    }

    /**
     * A {@code """} string: a line break after the opening quotes, and the indentation of the
     * closing quotes removed from every line.
     */
    private String multilineString(String path) {
        int at = pos;
        pos += 3;
        int bodyStart = src.startsWith("\r\n", pos) ? pos + 2 : src.startsWith("\n", pos) ? pos + 1 : -1;
        if (bodyStart < 0) throw fail(pos, path, "string", found(pos), "a \"\"\" string starts a new line right after its opening quotes");
        int close = src.indexOf("\"\"\"", bodyStart);
        if (close < 0 || close >= end) throw fail(at, path, "string", "an unclosed \"\"\" string", "end it with a line holding only \"\"\"");
        int lastBreak = src.lastIndexOf('\n', close - 1);
        String closingIndent = src.substring(lastBreak + 1, close);
        if (lastBreak < bodyStart - 1 || !closingIndent.chars().allMatch(ch -> ch == ' ')) {
            throw fail(close, path, "string", found(close), "the closing \"\"\" goes on a line of its own, indented with spaces only");
        }
        int indent = closingIndent.length();
        StringBuilder b = new StringBuilder();
        for (int lineStart = bodyStart; lineStart <= lastBreak; ) {
            int lineEnd = src.indexOf('\n', lineStart);
            int contentEnd = lineEnd > lineStart && src.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            if (lineStart > bodyStart) b.append('\n');
            pos = lineStart;
            if (contentEnd > lineStart) {
                if (contentEnd - lineStart < indent || !src.substring(lineStart, lineStart + indent).chars().allMatch(ch -> ch == ' ')) {
                    throw fail(lineStart, path, "string", found(lineStart), "every line of a \"\"\" string is indented at least as far as its closing quotes");
                }
                pos += indent;
            }
            while (pos < contentEnd) {
                int cp = src.codePointAt(pos);
                b.appendCodePoint(cp == '\\' ? escape(path) : advance(cp));
            }
            lineStart = lineEnd + 1;
        }
        pos = close + 3;
        return b.toString();
    }

    /** One escape after a backslash: quote, double quote, backslash, t, n, r, or u{hex}. */
    private int escape(String path) {
        int at = pos;
        pos++;
        if (pos >= end) throw fail(at, path, "an escape", "end of input", null);
        char c = src.charAt(pos++);
        switch (c) {
            case '\'', '"', '\\' -> { return c; }
            case 't' -> { return '\t'; }
            case 'n' -> { return '\n'; }
            case 'r' -> { return '\r'; }
            case 'u' -> {
                int close = src.indexOf('}', pos);
                if (pos >= end || src.charAt(pos) != '{' || close < 0 || close > end || close - pos - 1 < 1 || close - pos - 1 > 6
                        || !src.substring(pos + 1, close).chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                    throw fail(at, path, "an escape", src.substring(at, Math.min(end, pos + 8)), "a Unicode escape is written \\u{1F600} (1 to 6 hex digits)");
                }
                int cp = Integer.parseInt(src.substring(pos + 1, close), 16);
                if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    throw fail(at, path, "a Unicode scalar value", src.substring(at, close + 1), "surrogates and values above 10FFFF are not characters");
                }
                pos = close + 1;
                return cp;
            }
            default -> throw fail(at, path, "an escape", "\\" + c, "the escapes are \\' \\\" \\\\ \\t \\n \\r \\u{...}");
        }
    }

    private int advance(int cp) {
        pos += Character.charCount(cp);
        return cp;
    }

    private static boolean isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static String caseList(List<WitType.Case> cases) {
        return String.join(", ", cases.stream().map(WitType.Case::toString).toList());
    }

    private static String fieldList(WitType.RecordType type) {
        return String.join(", ", type.fields().stream().map(WitType.Field::name).toList());
    }

    // ---- errors -----------------------------------------------------------------------------

    /** The token at {@code at}, as the user wrote it, for "found ...". */
    private String found(int at) {
        int p = at;
        while (p < end && Character.isWhitespace(src.charAt(p))) p++;
        if (p >= end) return "end of input";
        char c = src.charAt(p);
        int q = p + 1;
        if (c == '"' || c == '\'') {
            while (q < end && src.charAt(q) != c && q - p < 40) q += src.charAt(q) == '\\' ? 2 : 1;
            q = Math.min(end, q + 1);
        } else if (isAsciiLetter(c) || isDigit(c) || c == '%' || c == '-') {
            while (q < end && (isAsciiLetter(src.charAt(q)) || isDigit(src.charAt(q)) || "-.+_%".indexOf(src.charAt(q)) >= 0)) q++;
        } else {
            q = p + Character.charCount(src.codePointAt(p));
        }
        String token = src.substring(p, q);
        return q - p > 40 ? token.substring(0, 40) + "..." : token;
    }

    private SignatureMismatchException fail(int at, String path, String expected, String found, String detail) {
        return new SignatureMismatchException(message(src, at, context, path, expected, found, detail));
    }

    static String message(String src, int at, String context, String path, String expected, String found, String detail) {
        at = Math.min(at, src.length());
        int lineStart = at == 0 ? 0 : src.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = src.indexOf('\n', at);
        if (lineEnd < 0) lineEnd = src.length();
        int line = (int) src.substring(0, lineStart).chars().filter(ch -> ch == '\n').count() + 1;
        int column = src.codePointCount(lineStart, at) + 1;
        String where = (line > 1 || lineEnd < src.length() ? "line " + line + ", " : "") + "column " + column;
        String inPath = path == null || path.isEmpty() || !path.contains(".") && !path.contains("[") ? "" : " in " + path;
        return context + ": expected " + expected + ", found " + found + (detail == null ? "" : " (" + detail + ")")
            + ", at " + where + inPath + "\n  " + src.substring(lineStart, lineEnd) + "\n  " + " ".repeat(column - 1) + "^";
    }
}
