package dev.pulleykit.kit.show;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A horizontal bar chart of a few measurements (compile against deserialize, nanoseconds per call).
 * On a log scale every bar keeps a visible length even when the values differ by orders of magnitude.
 */
public record BarChart(String title, String unit, Map<String, Double> values, boolean logScale) implements HtmlRenderable {

    public BarChart {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        for (var e : values.entrySet()) {
            double v = e.getValue();
            if (!Double.isFinite(v) || v < 0) throw new IllegalArgumentException("value of '" + e.getKey() + "' is " + v + "; a bar needs a finite value >= 0");
            if (logScale && v <= 0) throw new IllegalArgumentException("value of '" + e.getKey() + "' is " + v + "; a log scale needs values > 0");
        }
        unit = unit == null ? "" : unit;
    }

    /** The same chart on a logarithmic scale. */
    public BarChart log() { return new BarChart(title, unit, values, true); }

    static final int TEXT_WIDTH = 40;

    /** A bar's length as a fraction of the longest, in [0, 1]. */
    double fraction(double v) {
        double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (max <= 0) return 0;
        if (!logScale) return v / max;
        double min = values.values().stream().mapToDouble(Double::doubleValue).min().orElse(max);
        // one extra decade below the smallest value, so that the smallest bar is not empty
        double lo = Math.log10(min) - 1, hi = Math.log10(max);
        return (Math.log10(v) - lo) / (hi - lo);
    }

    String format(double v) {
        String n = v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v)
            : v >= 1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.3g", v);
        return unit.isEmpty() ? n : n + " " + unit;
    }

    @Override public String toHtml() {
        int labelWidth = 8 + 7 * values.keySet().stream().mapToInt(String::length).max().orElse(0);
        int barWidth = 420, valueWidth = 110, row = 24;
        int width = labelWidth + barWidth + valueWidth, height = row * values.size() + 8;
        StringBuilder s = new StringBuilder("<div>").append(Html.title(title + (logScale ? " (log scale)" : "")));
        s.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" style=\"display:block\">",
            width, height, width, height));
        int i = 0;
        for (var e : values.entrySet()) {
            int y = 4 + i * row;
            double w = Math.max(1, barWidth * fraction(e.getValue()));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"12\" text-anchor=\"end\" fill=\"#333\">%s</text>",
                labelWidth - 8, y + 15, Html.escape(e.getKey())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" rx=\"2\"><title>%s</title></rect>",
                labelWidth, y + 2, w, row - 6, Palette.COLOURS[i % Palette.COLOURS.length], Html.escape(e.getKey() + ": " + format(e.getValue()))));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#333\">%s</text>",
                labelWidth + w + 6, y + 15, Html.escape(format(e.getValue()))));
            i++;
        }
        return s.append("</svg></div>").toString();
    }

    /** Labels, bars of █ and values in three aligned columns. */
    @Override public String toString() {
        int lw = values.keySet().stream().mapToInt(String::length).max().orElse(0);
        int vw = values.values().stream().mapToInt(v -> format(v).length()).max().orElse(0);
        StringBuilder b = new StringBuilder(title).append(logScale ? " (log scale)" : "").append('\n');
        for (var e : values.entrySet()) {
            int n = (int) Math.round(TEXT_WIDTH * fraction(e.getValue()));
            if (n == 0 && e.getValue() > 0) n = 1;
            String v = format(e.getValue());
            b.append(e.getKey()).append(" ".repeat(lw - e.getKey().length())).append("  ")
             .append(" ".repeat(vw - v.length())).append(v).append("  ")
             .append("█".repeat(n)).append('\n');
        }
        return b.toString().stripTrailing();
    }
}
