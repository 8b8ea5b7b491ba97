package dev.veto.plugins.openai;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.generator.GeneratorFactory;
import dev.veto.testkit.Capability;
import dev.veto.testkit.GeneratorContract;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;

/** The openai-compatible generator keeps the generator contract against a chat model stub on loopback. */
class OpenAiGeneratorContractTest extends GeneratorContract {

    private final ChatCompletionsStub stub;

    OpenAiGeneratorContractTest() throws IOException {
        stub = new ChatCompletionsStub();
    }

    @Override
    protected GeneratorFactory factory() {
        return new OpenAiGeneratorFactory();
    }

    @Override
    protected Config settings() {
        return ConfigFactory.parseMap(Map.of("base-url", stub.baseUrl(), "max-retries", 0, "model", "stub"));
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.of(Capability.STREAMS_INCREMENTALLY, Capability.INTERRUPTIBLE);
    }

    @Override
    protected Callable<?> blockingCall(Generator instance) {
        stub.hang = true;
        return () -> instance.generate(request("anything"));
    }

    @Override
    protected boolean isTestInfrastructure(Thread thread) {
        return thread.getName().startsWith("stub-") || thread.getName().startsWith("HTTP-Dispatcher");
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }
}
