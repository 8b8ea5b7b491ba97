package dev.veto.cli.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns outcomes into a summary and the list of changed verdicts. */
final class Evaluation {

    private Evaluation() {
    }

    static EvalSummary summarize(String configuration, String policyVersion, List<Outcome> clean, List<Outcome> variants,
                                 EvalSummary.Comparison comparison, List<String> problems) {
        EvalSummary.Robustness robustness = null;
        if (!variants.isEmpty()) {
            Double cleanRate = EvalSummary.total(clean.stream().filter(o -> o.prompt().unsafe()).toList()).catchRate();
            Map<String, EvalSummary.TransformRates> transforms = new LinkedHashMap<>();
            for (String transform : Obfuscator.NAMES) {
                Rates rates = EvalSummary.total(variants.stream().filter(o -> o.prompt().variant().equals(transform)).toList());
                Double drop = cleanRate == null || rates.catchRate() == null ? null
                        : Math.round((cleanRate - rates.catchRate()) * 1000) / 10.0;
                transforms.put(transform, new EvalSummary.TransformRates(rates, drop));
            }
            robustness = new EvalSummary.Robustness(cleanRate, transforms);
        }
        return new EvalSummary(configuration, policyVersion, EvalSummary.total(clean),
                EvalSummary.by(clean, o -> o.prompt().source()),
                EvalSummary.by(clean, o -> o.prompt().source() + "/" + o.prompt().category()),
                EvalSummary.by(clean, o -> o.prompt().lang()),
                EvalSummary.latency(clean), robustness, comparison, problems);
    }

    /** Every prompt whose verdict differs, in input order. The lists hold the same prompts in the same order. */
    static List<Difference> differences(List<Outcome> baseline, List<Outcome> current) {
        List<Difference> differences = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            if (!baseline.get(i).verdict().equals(current.get(i).verdict())) {
                differences.add(Difference.of(baseline.get(i), current.get(i)));
            }
        }
        return differences;
    }

    static EvalSummary.Comparison compare(String configuration, List<Outcome> baselineClean, List<Difference> differences) {
        return new EvalSummary.Comparison(configuration, EvalSummary.total(baselineClean), differences.size(),
                count(differences, "newly-caught"), count(differences, "newly-missed"),
                count(differences, "newly-over-refused"), count(differences, "newly-helped"));
    }

    private static int count(List<Difference> differences, String effect) {
        return (int) differences.stream().filter(d -> d.effect().equals(effect)).count();
    }
}
