package io.footfall.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rewrites a filter pattern in RE2 syntax (what DuckDB runs, case-insensitively, and what the filters are specified
 * in) as a PostgreSQL ARE pattern that matches the same texts under the case-sensitive {@code ~}. The two engines
 * differ where it matters: RE2's {@code \d \w \s \b} and POSIX classes are ASCII-only while ARE's follow the locale;
 * RE2's {@code .} skips a newline unless {@code (?s)}; ARE has no {@code \pL}, no {@code \Q..\E}, no flags after the
 * start ({@code (?i:..)}, {@code (?-i)}), reads {@code \b} as a backspace and {@code \z} as nothing; and ARE's
 * {@code ~*} folds case by the locale's upper/lower pairs where RE2 uses Unicode's fold orbits (the Kelvin sign is a
 * {@code k}, {@code ς} a {@code σ}, {@code İ} no {@code i}). So every such construct is spelled out: ASCII ranges,
 * look-arounds, escaped literals, and case folding done here, each letter as the bracket of its orbit.
 * Greediness is dropped: it changes what a match covers, never whether there is one.
 *
 * <p>The pattern must already be valid RE2 (see {@code com.google.re2j.Pattern}); what has no ARE equivalent is
 * refused with {@link Untranslatable}, naming the construct, so that a filter is refused on every store alike.
 */
public final class Re2ToAre {
    /** ARE's largest repetition count (RE2 allows 1000). */
    static final int MAX_REPEAT = 255;
    private static final int MAX_CODE_POINT = 0x10FFFF;
    private static final int[][] DIGIT = {{'0', '9'}};
    private static final int[][] WORD = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
    private static final int[][] SPACE = {{'\t', '\n'}, {'\f', '\r'}, {' ', ' '}};
    private static final String WORD_CLASS = "[0-9A-Za-z_]";
    private static final Map<String, int[][]> UNICODE_CLASSES = new ConcurrentHashMap<>();

    /** A valid RE2 construct that ARE cannot express; the message names it. */
    public static final class Untranslatable extends IllegalArgumentException {
        Untranslatable(String message) {
            super(message, null);
        }
    }

    private final String p;
    private int i;
    private final StringBuilder out = new StringBuilder();
    /** The flags in force in each open group; the innermost last. */
    private final Deque<Flags> groups = new ArrayDeque<>();

    private record Flags(boolean dotNewline, boolean multiLine, boolean foldCase) {
    }

    private Re2ToAre(String pattern) {
        this.p = pattern;
        groups.push(new Flags(false, false, true)); // filters match case-insensitively
    }

    /** The ARE spelling of a valid RE2 pattern. */
    public static String translate(String re2) {
        Re2ToAre t = new Re2ToAre(re2);
        t.pattern();
        return t.out.toString();
    }

    private void pattern() {
        while (i < p.length()) {
            int c = p.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> escape();
                case '.' -> out.append(groups.peek().dotNewline ? "." : "[^\\n]");
                case '^' -> out.append(groups.peek().multiLine ? "(?:^|(?<=\\n))" : "^");
                case '$' -> out.append(groups.peek().multiLine ? "(?:$|(?=\\n))" : "$");
                case '(' -> group();
                case ')' -> {
                    groups.pop();
                    out.append(')');
                }
                case '|' -> out.append('|');
                case '*', '+', '?' -> {
                    out.appendCodePoint(c);
                    skipLazy();
                }
                case '{' -> repeat();
                case '[' -> bracket();
                default -> literal(c);
            }
        }
    }

    private void escape() {
        int c = p.codePointAt(i++);
        switch (c) {
            case 'd', 'D', 'w', 'W', 's', 'S', 'p', 'P' -> {
                i--;
                ClassItem item = classEscape();
                out.append(bracketOf(item.ranges(), false, groups.peek().foldCase));
            }
            case 'A' -> out.append("\\A");
            case 'z' -> out.append("\\Z");
            case 'b' -> out.append("(?:(?<=" + WORD_CLASS + ")(?!" + WORD_CLASS + ")|(?<!" + WORD_CLASS + ")(?=" + WORD_CLASS + "))");
            case 'B' -> out.append("(?:(?<=" + WORD_CLASS + ")(?=" + WORD_CLASS + ")|(?<!" + WORD_CLASS + ")(?!" + WORD_CLASS + "))");
            case 'Q' -> {
                int end = p.indexOf("\\E", i);
                String quoted = end < 0 ? p.substring(i) : p.substring(i, end);
                quoted.codePoints().forEach(this::literal);
                i = end < 0 ? p.length() : end + 2;
            }
            case 'E' -> {
                // a \E with no \Q before it ends nothing
            }
            default -> {
                i--;
                literal(escapedCharacter());
            }
        }
    }

    /** A character escape ({@code \x41}, {@code \n}, {@code \.}, octal) from just after the backslash. */
    private int escapedCharacter() {
        int c = p.codePointAt(i);
        i += Character.charCount(c);
        switch (c) {
            case 'a':
                return 7;
            case 'f':
                return '\f';
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 'v':
                return 0x0B;
            case 'x':
                if (p.charAt(i) == '{') {
                    int end = p.indexOf('}', i);
                    int v = Integer.parseInt(p.substring(i + 1, end), 16);
                    i = end + 1;
                    return v;
                }
                i += 2;
                return Integer.parseInt(p.substring(i - 2, i), 16);
            default:
                if (c >= '0' && c <= '7') {
                    int v = c - '0';
                    for (int n = 1; n < 3 && i < p.length() && p.charAt(i) >= '0' && p.charAt(i) <= '7'; n++) {
                        v = v * 8 + (p.charAt(i++) - '0');
                    }
                    return v;
                }
                return c; // an escaped punctuation character stands for itself
        }
    }

    private void group() {
        Flags flags = groups.peek();
        if (!p.startsWith("?", i)) {
            groups.push(flags);
            out.append("(?:"); // capturing changes nothing about whether the text matches
            return;
        }
        i++;
        if (p.startsWith("<", i)) {
            // re2j reads it, DuckDB's RE2 does not
            throw new Untranslatable("the group (?<name>...) is not supported: write (?P<name>...)");
        }
        if (p.startsWith("P<", i)) {
            i = p.indexOf('>', i) + 1;
            groups.push(flags);
            out.append("(?:");
            return;
        }
        boolean on = true;
        boolean dotNewline = flags.dotNewline;
        boolean multiLine = flags.multiLine;
        boolean foldCase = flags.foldCase;
        for (; ; i++) {
            char f = p.charAt(i);
            switch (f) {
                case '-' -> on = false;
                case 's' -> dotNewline = on;
                case 'm' -> multiLine = on;
                case 'i' -> foldCase = on;
                case 'U' -> {
                    // ungreedy: changes what a match covers, not whether there is one
                }
                case ':' -> {
                    i++;
                    groups.push(new Flags(dotNewline, multiLine, foldCase));
                    out.append("(?:");
                    return;
                }
                case ')' -> {
                    i++;
                    groups.pop();
                    groups.push(new Flags(dotNewline, multiLine, foldCase));
                    return;
                }
                default -> throw new Untranslatable("the group (?" + f + " is not supported");
            }
        }
    }

    private void skipLazy() {
        if (i < p.length() && p.charAt(i) == '?') i++;
    }

    /** {@code {n}}, {@code {n,}} or {@code {n,m}}; any other brace is a literal one, as in RE2. */
    private void repeat() {
        int close = p.indexOf('}', i);
        String spec = close < 0 ? "" : p.substring(i, close);
        if (!spec.matches("[0-9]+(,[0-9]*)?")) {
            literal('{');
            return;
        }
        for (String n : spec.split(",")) {
            if (Integer.parseInt(n) > MAX_REPEAT) {
                throw new Untranslatable("the repetition {" + spec + "} is not supported: counts above " + MAX_REPEAT
                        + " are not");
            }
        }
        out.append('{').append(spec).append('}');
        i = close + 1;
        skipLazy();
    }

    /** One member of a bracket expression: a set of code-point ranges, or a single character (a range's end). */
    private record ClassItem(int[][] ranges, int single) {
    }

    private void bracket() {
        boolean negated = p.startsWith("^", i);
        if (negated) i++;
        List<int[]> ranges = new ArrayList<>();
        boolean first = true;
        while (first || p.charAt(i) != ']') {
            first = false;
            ClassItem lo = classItem();
            if (lo.single >= 0 && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                i++;
                ClassItem hi = classItem();
                ranges.add(new int[] {lo.single, hi.single});
            } else {
                for (int[] r : lo.ranges) ranges.add(r);
            }
        }
        i++;
        out.append(bracketOf(ranges.toArray(int[][]::new), negated, groups.peek().foldCase));
    }

    private ClassItem classItem() {
        if (p.startsWith("[:", i)) {
            int end = p.indexOf(":]", i + 2);
            String name = p.substring(i + 2, end);
            i = end + 2;
            boolean negated = name.startsWith("^");
            int[][] r = posix(negated ? name.substring(1) : name);
            return new ClassItem(negated ? complement(r, groups.peek().foldCase) : r, -1);
        }
        int c = p.codePointAt(i);
        i += Character.charCount(c);
        if (c != '\\') return new ClassItem(new int[][] {{c, c}}, c);
        char e = p.charAt(i);
        if ("dDwWsSpP".indexOf(e) >= 0) return classEscape();
        int ch = escapedCharacter();
        return new ClassItem(new int[][] {{ch, ch}}, ch);
    }

    /** A Perl or Unicode class escape ({@code \d}, {@code \PL}, {@code \p{Greek}}), from the letter after the backslash. */
    private ClassItem classEscape() {
        char e = p.charAt(i++);
        int[][] r = switch (Character.toLowerCase(e)) {
            case 'd' -> DIGIT;
            case 'w' -> WORD;
            case 's' -> SPACE;
            default -> {
                String name;
                if (p.charAt(i) == '{') {
                    int end = p.indexOf('}', i);
                    name = p.substring(i + 1, end);
                    i = end + 1;
                } else {
                    name = String.valueOf(p.charAt(i++));
                }
                boolean negated = name.startsWith("^");
                int[][] u = unicode(negated ? name.substring(1) : name);
                yield negated ? complement(u, groups.peek().foldCase) : u;
            }
        };
        return new ClassItem(Character.isUpperCase(e) ? complement(r, groups.peek().foldCase) : r, -1);
    }

    /** RE2's POSIX classes, which are ASCII-only (ARE's follow the locale). */
    private static int[][] posix(String name) {
        return switch (name) {
            case "alnum" -> new int[][] {{'0', '9'}, {'A', 'Z'}, {'a', 'z'}};
            case "alpha" -> new int[][] {{'A', 'Z'}, {'a', 'z'}};
            case "ascii" -> new int[][] {{0, 0x7F}};
            case "blank" -> new int[][] {{'\t', '\t'}, {' ', ' '}};
            case "cntrl" -> new int[][] {{0, 0x1F}, {0x7F, 0x7F}};
            case "digit" -> DIGIT;
            case "graph" -> new int[][] {{'!', '~'}};
            case "lower" -> new int[][] {{'a', 'z'}};
            case "print" -> new int[][] {{' ', '~'}};
            case "punct" -> new int[][] {{'!', '/'}, {':', '@'}, {'[', '`'}, {'{', '~'}};
            case "space" -> new int[][] {{'\t', '\r'}, {' ', ' '}};
            case "upper" -> new int[][] {{'A', 'Z'}};
            case "word" -> WORD;
            case "xdigit" -> new int[][] {{'0', '9'}, {'A', 'F'}, {'a', 'f'}};
            default -> throw new Untranslatable("the class [:" + name + ":] is not supported");
        };
    }

    /**
     * A Unicode general category ({@code L}, {@code Lu}) or script ({@code Greek}) as ranges, from Java's Unicode
     * tables (RE2's may be a version older: characters assigned since can differ).
     */
    private static int[][] unicode(String name) {
        return UNICODE_CLASSES.computeIfAbsent(name, n -> {
            java.util.function.IntPredicate member = unicodeMember(n);
            List<int[]> ranges = new ArrayList<>();
            for (int c = 0; c <= MAX_CODE_POINT; c++) {
                if (!member.test(c) || Character.isSurrogate((char) c) && c <= 0xFFFF) continue;
                if (!ranges.isEmpty() && ranges.getLast()[1] == c - 1) {
                    ranges.getLast()[1] = c;
                } else {
                    ranges.add(new int[] {c, c});
                }
            }
            return ranges.toArray(int[][]::new);
        });
    }

    private static java.util.function.IntPredicate unicodeMember(String name) {
        if (name.equals("Any")) return c -> true;
        List<Integer> types = new ArrayList<>();
        for (var t : CATEGORIES.entrySet()) {
            if (t.getKey().equals(name) || name.length() == 1 && t.getKey().charAt(0) == name.charAt(0)) {
                types.add(t.getValue());
            }
        }
        if (!types.isEmpty()) return c -> types.contains(Character.getType(c));
        Character.UnicodeScript script;
        try {
            script = Character.UnicodeScript.forName(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Untranslatable("the class \\p{" + name + "} is not supported");
        }
        return c -> Character.UnicodeScript.of(c) == script;
    }

    /** RE2's general categories (unassigned {@code Cn} is not one of them) and Java's codes for them. */
    private static final Map<String, Integer> CATEGORIES = Map.ofEntries(
            Map.entry("Lu", (int) Character.UPPERCASE_LETTER), Map.entry("Ll", (int) Character.LOWERCASE_LETTER),
            Map.entry("Lt", (int) Character.TITLECASE_LETTER), Map.entry("Lm", (int) Character.MODIFIER_LETTER),
            Map.entry("Lo", (int) Character.OTHER_LETTER), Map.entry("Mn", (int) Character.NON_SPACING_MARK),
            Map.entry("Mc", (int) Character.COMBINING_SPACING_MARK), Map.entry("Me", (int) Character.ENCLOSING_MARK),
            Map.entry("Nd", (int) Character.DECIMAL_DIGIT_NUMBER), Map.entry("Nl", (int) Character.LETTER_NUMBER),
            Map.entry("No", (int) Character.OTHER_NUMBER), Map.entry("Pc", (int) Character.CONNECTOR_PUNCTUATION),
            Map.entry("Pd", (int) Character.DASH_PUNCTUATION), Map.entry("Ps", (int) Character.START_PUNCTUATION),
            Map.entry("Pe", (int) Character.END_PUNCTUATION), Map.entry("Pi", (int) Character.INITIAL_QUOTE_PUNCTUATION),
            Map.entry("Pf", (int) Character.FINAL_QUOTE_PUNCTUATION), Map.entry("Po", (int) Character.OTHER_PUNCTUATION),
            Map.entry("Sm", (int) Character.MATH_SYMBOL), Map.entry("Sc", (int) Character.CURRENCY_SYMBOL),
            Map.entry("Sk", (int) Character.MODIFIER_SYMBOL), Map.entry("So", (int) Character.OTHER_SYMBOL),
            Map.entry("Zs", (int) Character.SPACE_SEPARATOR), Map.entry("Zl", (int) Character.LINE_SEPARATOR),
            Map.entry("Zp", (int) Character.PARAGRAPH_SEPARATOR), Map.entry("Cc", (int) Character.CONTROL),
            Map.entry("Cf", (int) Character.FORMAT), Map.entry("Co", (int) Character.PRIVATE_USE),
            Map.entry("Cs", (int) Character.SURROGATE));

    /** Every code point outside the ranges (and, when folding, outside their case variants), surrogates left out. */
    private static int[][] complement(int[][] unfolded, boolean fold) {
        int[][] ranges = fold ? CaseOrbits.folded(unfolded) : CaseOrbits.merged(List.of(unfolded));
        List<int[]> out = new ArrayList<>();
        int next = 0;
        for (int[] r : ranges) {
            if (r[0] > next) out.add(new int[] {next, r[0] - 1});
            next = Math.max(next, r[1] + 1);
        }
        if (next <= MAX_CODE_POINT) out.add(new int[] {next, MAX_CODE_POINT});
        List<int[]> noSurrogates = new ArrayList<>();
        for (int[] r : out) {
            if (r[1] < 0xD800 || r[0] > 0xDFFF) {
                noSurrogates.add(r);
                continue;
            }
            if (r[0] < 0xD800) noSurrogates.add(new int[] {r[0], 0xD7FF});
            if (r[1] > 0xDFFF) noSurrogates.add(new int[] {0xE000, r[1]});
        }
        return noSurrogates.toArray(int[][]::new);
    }

    private static String bracketOf(int[][] unfolded, boolean negated, boolean fold) {
        int[][] ranges = fold ? CaseOrbits.folded(unfolded) : unfolded;
        if (ranges.length == 0) {
            // RE2's empty class matches nothing (negated: any character); ARE has no empty bracket
            return negated ? "[\\U00000000-\\U0010FFFF]" : "[^\\U00000000-\\U0010FFFF]";
        }
        StringBuilder b = new StringBuilder("[");
        if (negated) b.append('^');
        for (int[] r : ranges) {
            b.append(spelled(r[0]));
            if (r[1] != r[0]) b.append('-').append(spelled(r[1]));
        }
        return b.append(']').toString();
    }

    private void literal(int c) {
        int[] orbit = groups.peek().foldCase ? CaseOrbits.of(c) : null;
        if (orbit == null) {
            out.append(spelled(c));
            return;
        }
        out.append('[');
        for (int o : orbit) out.append(spelled(o));
        out.append(']');
    }

    /** A character spelled so that ARE reads it literally, inside a bracket or out. */
    private static String spelled(int c) {
        if (c < 0x80 && Character.isLetterOrDigit(c)) return Character.toString(c);
        if (c > ' ' && c < 0x7F) return "\\" + (char) c;
        if (c >= 0x80 && Character.isLetterOrDigit(c)) return Character.toString(c);
        return String.format("\\U%08X", c);
    }
}
