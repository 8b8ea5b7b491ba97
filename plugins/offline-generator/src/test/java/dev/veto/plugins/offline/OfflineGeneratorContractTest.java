package dev.veto.plugins.offline;

import dev.veto.spi.generator.GeneratorFactory;
import dev.veto.testkit.GeneratorContract;

/** The offline generator keeps the contract every generator plugin keeps. */
class OfflineGeneratorContractTest extends GeneratorContract {

    @Override
    protected GeneratorFactory factory() {
        return new OfflineGeneratorFactory();
    }
}
