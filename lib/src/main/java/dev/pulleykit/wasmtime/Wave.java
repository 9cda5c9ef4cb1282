package dev.pulleykit.wasmtime;

import java.util.ArrayList;
import java.util.List;

/**
 * WAVE, the WebAssembly Value Encoding: the text {@code wasmtime run --invoke} reads and
 * prints. {@link WitValue#toString()} writes it; this class reads it back, guided by the WIT
 * type, so {@code Wave.parse(v.toString(), type)} gives {@code v} again.
 *
 * <pre>
 * bool      true, false              string   "a\tb", "&#92;u{1F600}"    record  {x: 1, y: 2}
 * integers  42, -7                   char     'x', '\n', '€'          tuple   (1, "a")
 * floats    1.5, 6.02e23, nan, -inf  list     [1, 2, 3]               flags   {read, exec}, {}
 * variant   num(42), empty           enum     red                     option  some(7), none, 7
 * result    ok(3), err("x"), ok, err
 * </pre>
 *
 * As the WAVE specification allows: whitespace and {@code //} comments between tokens, trailing
 * commas, record fields in any order, option fields that are {@code none} left out ({@code {:}}
 * when every field is), {@code some}/{@code ok} written as the bare payload unless that payload
 * is itself an option or result, {@code """} multiline strings, and {@code %} before a case name
 * that is a keyword ({@code %none}). A call may leave out trailing option arguments.
 */
public final class Wave {
    private Wave() {}

    /** Reads {@code text} as one value of {@code type}; a {@link SignatureMismatchException} says where it went wrong. */
    public static WitValue parse(String text, WitType type) {
        return new WaveReader(text, 0, text.length(), "WAVE value").readAll(type, "value");
    }

    /**
     * A call as written, {@code name(arg, arg)}: the function's name and each argument's text,
     * split at top-level commas and not yet read (that needs the parameter types).
     */
    public record Call(String text, String name, List<Argument> arguments) {
        public Call { arguments = List.copyOf(arguments); }

        /** One argument's text and where it starts in the call (0-based). */
        public record Argument(String text, int offset) {}

        /**
         * Reads the arguments against a function's parameters. Trailing {@code option}
         * parameters may be left out and are {@code none}.
         */
        public List<WitValue> values(FuncType type) {
            List<FuncType.Param> params = type.params();
            if (arguments.size() > params.size()) {
                Argument extra = arguments.get(params.size());
                throw new SignatureMismatchException(WaveReader.message(text, extra.offset(), name, "",
                    params.size() + " argument" + (params.size() == 1 ? "" : "s"), String.valueOf(arguments.size()),
                    name + " is " + type));
            }
            List<WitValue> values = new ArrayList<>(params.size());
            for (int i = 0; i < params.size(); i++) {
                FuncType.Param p = params.get(i);
                if (i < arguments.size()) {
                    Argument a = arguments.get(i);
                    String context = "argument " + (i + 1) + " (" + p.name() + ")";
                    values.add(new WaveReader(text, a.offset(), a.offset() + a.text().length(), context).readAll(p.type(), p.name()));
                } else if (p.type() instanceof WitType.OptionType) {
                    values.add(WitValue.none());
                } else {
                    throw new SignatureMismatchException(WaveReader.message(text, text.length() - 1, name, "",
                        params.size() + " argument" + (params.size() == 1 ? "" : "s"), String.valueOf(arguments.size()),
                        "argument " + (i + 1) + " (" + p + ") is missing; " + name + " is " + type));
                }
            }
            return values;
        }

        @Override public String toString() { return text; }
    }

    /** Splits {@code name(arg, arg)} at its top-level commas; nothing is typed yet. */
    public static Call parseCall(String text) {
        int open = text.indexOf('(');
        String name = open < 0 ? text.strip() : text.substring(0, open).strip();
        if (open < 0 || name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new SignatureMismatchException(WaveReader.message(text, Math.max(0, open), "call", "",
                "name(arguments)", open < 0 ? "no '('" : name.isEmpty() ? "no function name" : "'" + name + "'",
                "write the export's name, then its arguments in WAVE, e.g. run(some(\"Kevin\")) or describe()"));
        }
        List<Call.Argument> args = new ArrayList<>();
        StringBuilder closers = new StringBuilder();  // the brackets still open, innermost last
        int start = open + 1, i = open + 1;
        while (true) {
            if (i >= text.length()) {
                String missing = closers.isEmpty() ? ")" : closers.substring(closers.length() - 1);
                throw new SignatureMismatchException(WaveReader.message(text, text.length(), "call", "",
                    "'" + missing + "'", "end of input", "close every bracket, string and the call"));
            }
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipQuoted(text, i);
                continue;
            }
            if (c == '/' && text.startsWith("//", i)) {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl;
                continue;
            }
            boolean topLevel = closers.isEmpty();
            switch (c) {
                case '(' -> closers.append(')');
                case '[' -> closers.append(']');
                case '{' -> closers.append('}');
                case ')', ']', '}' -> {
                    if (!closers.isEmpty()) {
                        char expected = closers.charAt(closers.length() - 1);
                        if (c != expected) {
                            throw new SignatureMismatchException(WaveReader.message(text, i, "call", "", "'" + expected + "'",
                                "'" + c + "'", "brackets close in the order they opened"));
                        }
                        closers.setLength(closers.length() - 1);
                    } else if (c != ')') {
                        throw new SignatureMismatchException(WaveReader.message(text, i, "call", "", "',' or ')'",
                            "'" + c + "'", "this bracket was never opened"));
                    }
                }
                default -> { }
            }
            if (topLevel && (c == ',' || c == ')')) {
                addArgument(args, text, start, i, c == ')');
                start = i + 1;
                if (c == ')') break;
            }
            i++;
        }
        String rest = text.substring(i + 1).replaceAll("//[^\n]*", "");
        if (!rest.isBlank()) {
            int at = i + 1;
            while (Character.isWhitespace(text.charAt(at))) at++;
            throw new SignatureMismatchException(WaveReader.message(text, at, "call", "", "nothing after the closing ')'",
                "'" + rest.strip() + "'", "give one call per argument on the command line"));
        }
        return new Call(text, name, args);
    }

    /** Adds the argument in text[from, to); an empty last one after a comma is a trailing comma. */
    private static void addArgument(List<Call.Argument> args, String text, int from, int to, boolean last) {
        String raw = text.substring(from, to);
        if (raw.replaceAll("//[^\n]*", "").isBlank()) {
            boolean trailingComma = last && !args.isEmpty();
            boolean noArguments = last && args.isEmpty();
            if (trailingComma || noArguments) return;
            throw new SignatureMismatchException(WaveReader.message(text, from, "call", "", "an argument", "','",
                "an argument is missing between two commas"));
        }
        int lead = 0;
        while (Character.isWhitespace(raw.charAt(lead))) lead++;
        args.add(new Call.Argument(raw.substring(lead).stripTrailing(), from + lead));
    }

    /** The index just past the string or char literal that starts at {@code i}. */
    private static int skipQuoted(String text, int i) {
        if (text.startsWith("\"\"\"", i)) {
            int close = text.indexOf("\"\"\"", i + 3);
            return close < 0 ? text.length() : close + 3;
        }
        char quote = text.charAt(i);
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != quote && text.charAt(j) != '\n') j += text.charAt(j) == '\\' ? 2 : 1;
        return Math.min(text.length(), j + 1);
    }
}
