package dev.veto.cli.eval;

import com.google.common.html.HtmlEscapers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, nothing fetched) that can be
 * attached to a change review or archived with a release: the headline rates, bar charts by set, language
 * and obfuscation, the category table, and the verdicts that changed against the baseline.
 */
final class HtmlReport {

    private static final int MAX_DIFFERENCES = 500;

    private record Bar(String label, double value, String detail) {
    }

    private HtmlReport() {
    }

    static String render(EvalSummary summary, List<Difference> differences, String generatedAt) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Veto evaluation</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#1d2433;padding:0 1em}")
                .append("h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #dde;padding-bottom:.2em}")
                .append(".kpis{display:flex;gap:1em;flex-wrap:wrap}.kpi{background:#f4f6fb;border-radius:8px;padding:.8em 1.2em}")
                .append(".kpi b{display:block;font-size:1.7em}table{border-collapse:collapse;width:100%;font-size:13px}")
                .append("td,th{border-bottom:1px solid #e4e7ef;padding:.3em .5em;text-align:left;vertical-align:top}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#6b7385}")
                .append("svg text{font:12px system-ui,sans-serif}</style></head><body>");
        html.append("<h1>Veto evaluation</h1><p class=\"muted\">").append(esc(summary.configuration())).append(" · policy ")
                .append(esc(summary.policyVersion())).append(" · ").append(esc(generatedAt)).append("</p>");

        Rates totals = summary.totals();
        html.append("<div class=\"kpis\">");
        kpi(html, "unsafe caught", percent(totals.catchRate()), totals.caught() + " of " + totals.unsafe());
        kpi(html, "safe over-refused", percent(totals.overRefusalRate()), totals.overRefused() + " of " + totals.safe());
        kpi(html, "safe constrained", percent(totals.constrainedRate()), totals.constrained() + " of " + totals.safe()
                + " answered under constraints");
        kpi(html, "median check", summary.latencyMicros().getOrDefault("p50", 0L) + " µs",
                "p99 " + summary.latencyMicros().getOrDefault("p99", 0L) + " µs");
        if (totals.errors() > 0) {
            kpi(html, "errors", String.valueOf(totals.errors()), "checks that failed");
        }
        html.append("</div>");

        html.append("<h2>Unsafe prompts caught, by set</h2>");
        chart(html, bars(summary.bySource(), true), "#2f6fde");
        if (summary.bySource().values().stream().anyMatch(r -> r.safe() > 0)) {
            html.append("<h2>Safe prompts over-refused, by set</h2>");
            chart(html, bars(summary.bySource(), false), "#d9534f");
        }
        html.append("<h2>Unsafe prompts caught, by language</h2>");
        chart(html, bars(summary.byLanguage(), true), "#2f9e6e");

        if (summary.robustness() != null) {
            html.append("<h2>Robustness: obfuscated unsafe prompts</h2>");
            List<Bar> robustness = new ArrayList<>();
            if (summary.robustness().clean() != null) {
                robustness.add(new Bar("clean", summary.robustness().clean(), ""));
            }
            summary.robustness().transforms().forEach((name, t) -> {
                if (t.rates().catchRate() != null) {
                    robustness.add(new Bar(name, t.rates().catchRate(),
                            t.dropPoints() == null ? "" : String.format(Locale.ROOT, "−%.1f pts", t.dropPoints())));
                }
            });
            chart(html, robustness, "#8a5cd6");
        }

        html.append("<h2>By category</h2><table><tr><th>set / category</th><th>unsafe</th><th>caught</th><th>safe</th>")
                .append("<th>over-refused</th></tr>");
        summary.byCategory().forEach((category, r) -> html.append("<tr><td>").append(esc(category)).append("</td><td class=n>")
                .append(r.unsafe()).append("</td><td class=n>").append(percent(r.catchRate())).append("</td><td class=n>")
                .append(r.safe()).append("</td><td class=n>").append(percent(r.overRefusalRate())).append("</td></tr>"));
        html.append("</table>");

        if (summary.baseline() != null) {
            EvalSummary.Comparison c = summary.baseline();
            html.append("<h2>Against the baseline</h2><p>Baseline ").append(esc(c.configuration())).append(": caught ")
                    .append(percent(c.totals().catchRate())).append(", over-refused ").append(percent(c.totals().overRefusalRate()))
                    .append(". <b>").append(c.changed()).append("</b> verdicts changed: ").append(c.newlyCaught())
                    .append(" newly caught, ").append(c.newlyMissed()).append(" newly missed, ").append(c.newlyOverRefused())
                    .append(" newly over-refused, ").append(c.newlyHelped()).append(" newly helped.</p>");
            html.append("<table><tr><th>effect</th><th>id</th><th>baseline → now</th><th>prompt</th></tr>");
            differences.stream().limit(MAX_DIFFERENCES).forEach(d -> html.append("<tr><td>").append(esc(d.effect()))
                    .append("</td><td>").append(esc(d.id())).append("</td><td>").append(esc(d.baselineVerdict())).append(" → ")
                    .append(esc(d.verdict())).append("<br><span class=muted>").append(esc(d.rule())).append("</span></td><td>")
                    .append(esc(d.prompt())).append("</td></tr>"));
            html.append("</table>");
            if (differences.size() > MAX_DIFFERENCES) {
                html.append("<p class=muted>").append(differences.size() - MAX_DIFFERENCES)
                        .append(" more in differences.jsonl</p>");
            }
        }
        if (!summary.problems().isEmpty()) {
            html.append("<h2>Skipped input lines</h2><ul>");
            summary.problems().forEach(p -> html.append("<li>").append(esc(p)).append("</li>"));
            html.append("</ul>");
        }
        return html.append("</body></html>\n").toString();
    }

    private static List<Bar> bars(Map<String, Rates> rates, boolean unsafe) {
        List<Bar> bars = new ArrayList<>();
        rates.forEach((label, r) -> {
            Double value = unsafe ? r.catchRate() : r.overRefusalRate();
            if (value != null) {
                bars.add(new Bar(label, value, unsafe ? r.caught() + "/" + r.unsafe() : r.overRefused() + "/" + r.safe()));
            }
        });
        return bars;
    }

    /** Horizontal bars, 0–100 %, with gridlines at each 25 %. */
    private static void chart(StringBuilder html, List<Bar> bars, String color) {
        int labelWidth = 190;
        int barWidth = 640;
        int row = 24;
        int height = bars.size() * row + 24;
        html.append("<svg role=\"img\" width=\"").append(labelWidth + barWidth + 150).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(labelWidth + barWidth + 150).append(' ').append(height).append("\">");
        for (int tick = 0; tick <= 100; tick += 25) {
            int x = labelWidth + barWidth * tick / 100;
            html.append("<line x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"0\" y2=\"").append(height - 18)
                    .append("\" stroke=\"#e4e7ef\"/><text x=\"").append(x).append("\" y=\"").append(height - 4)
                    .append("\" text-anchor=\"middle\" fill=\"#6b7385\">").append(tick).append("%</text>");
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * row + 4;
            int width = (int) Math.round(barWidth * bar.value());
            html.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 14)
                    .append("\" text-anchor=\"end\">").append(esc(bar.label())).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"").append(width)
                    .append("\" height=\"").append(row - 8).append("\" rx=\"3\" fill=\"").append(color).append("\"><title>")
                    .append(esc(bar.label())).append(": ").append(percent(bar.value())).append("</title></rect>")
                    .append("<text x=\"").append(labelWidth + width + 6).append("\" y=\"").append(y + 14).append("\">")
                    .append(percent(bar.value())).append(' ').append("<tspan fill=\"#6b7385\">").append(esc(bar.detail()))
                    .append("</tspan></text>");
        }
        html.append("</svg>");
    }

    private static void kpi(StringBuilder html, String name, String value, String detail) {
        html.append("<div class=\"kpi\"><span class=muted>").append(esc(name)).append("</span><b>").append(esc(value))
                .append("</b><span class=muted>").append(esc(detail)).append("</span></div>");
    }

    static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    /** Text for HTML: Guava's escaper, after any lone surrogate (a broken prompt) became U+FFFD. */
    static String esc(String text) {
        return HtmlEscapers.htmlEscaper().escape(wellFormed(text));
    }

    private static String wellFormed(String text) {
        StringBuilder out = null; // copied only when a prompt really holds a lone surrogate
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i)) && !validPair(text, i)) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
