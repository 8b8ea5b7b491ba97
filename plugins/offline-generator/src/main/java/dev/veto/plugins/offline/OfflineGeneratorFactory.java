package dev.veto.plugins.offline;

import dev.veto.spi.ComponentContext;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.generator.GeneratorFactory;
import org.pf4j.Extension;

/** The {@code offline} generator: answers from retrieved passages, or says no model is configured. */
@Extension
public final class OfflineGeneratorFactory implements GeneratorFactory {

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public String description() {
        return "answers from retrieved passages without a model; says so when there are none";
    }

    @Override
    public Generator create(ComponentContext context) {
        return new OfflineGenerator(OfflineSettings.read(context.config()));
    }
}
