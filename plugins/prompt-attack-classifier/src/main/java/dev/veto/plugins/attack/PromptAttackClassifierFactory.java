package dev.veto.plugins.attack;

import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.Extension;

/** The {@code prompt-attack} classifier factory. */
@Extension
public final class PromptAttackClassifierFactory implements ClassifierFactory {

    /** Loaded once per plugin: the patterns are immutable and shared by every instance. */
    private static final List<AttackPattern> PATTERNS = AttackPattern.load("attacks/patterns.tsv");
    private static final Map<String, List<String>> TRIGGERS = AttackPattern.triggers("attacks/triggers.tsv");

    @Override
    public String name() {
        return "prompt-attack";
    }

    @Override
    public String description() {
        return "instruction overrides, persona jailbreaks, system-prompt extraction, encoded instructions, adversarial suffixes";
    }

    @Override
    public Classifier create(ComponentContext context) {
        Set<String> families = new TreeSet<>();
        PATTERNS.forEach(p -> families.add(p.family()));
        families.add("suffix");
        return new PromptAttackClassifier(context.instanceName(), PATTERNS, TRIGGERS, AttackSettings.read(context.config(), families));
    }
}
