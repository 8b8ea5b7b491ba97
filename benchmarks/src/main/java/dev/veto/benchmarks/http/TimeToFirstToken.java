package dev.veto.benchmarks.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Measures time to first token of streamed chat completions: straight from a model server, and through
 * Veto's guarded proxy in front of the same server. Sequential requests on kept-alive connections, each
 * answer read to its end; prints median and p99 of both and the difference.
 *
 * <pre>
 * java -cp benchmarks/target/classes dev.veto.benchmarks.http.TimeToFirstToken DIRECT_BASE_URL PROXY_BASE_URL [requests]
 * </pre>
 */
public final class TimeToFirstToken {

    private static final String BODY = "{\"model\": \"stub\", \"stream\": true, "
            + "\"messages\": [{\"role\": \"user\", \"content\": \"What is the weather like in Lisbon in spring?\"}]}";

    private TimeToFirstToken() {
    }

    /**
     * Runs the measurement.
     *
     * @param args direct base URL, proxy base URL, optional request count
     * @throws Exception when a request fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TimeToFirstToken DIRECT_BASE_URL PROXY_BASE_URL [requests]");
            System.exit(2);
        }
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int warmup = 0; warmup < Math.min(200, requests); warmup++) {
            firstTokenNanos(client, args[0]);
            firstTokenNanos(client, args[1]);
        }
        long[] direct = new long[requests];
        long[] proxied = new long[requests];
        for (int i = 0; i < requests; i++) { // interleaved, so drift on a shared machine hits both alike
            direct[i] = firstTokenNanos(client, args[0]);
            proxied[i] = firstTokenNanos(client, args[1]);
        }
        report("direct", direct);
        report("through Veto", proxied);
        System.out.printf("added time to first token: median %.2f ms, p99 %.2f ms%n",
                (percentile(proxied, 50) - percentile(direct, 50)) / 1e6, (percentile(proxied, 99) - percentile(direct, 99)) / 1e6);
    }

    /** Sends one streamed request and returns the time until the first event carrying text. */
    private static long firstTokenNanos(HttpClient client, String baseUrl) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY, StandardCharsets.UTF_8)).build();
        long start = System.nanoTime();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(baseUrl + " answered " + response.statusCode());
        }
        long firstToken = -1;
        // the answer is read to its end, as a chat client does: hanging up early would close the connection
        // (and the proxy's to the model), and every request would then measure two new connections
        try (Stream<String> lines = response.body()) {
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (firstToken < 0 && line.startsWith("data: ") && line.contains("\"content\":\"")
                        && !line.contains("\"content\":\"\"")) {
                    firstToken = System.nanoTime() - start;
                }
            }
        }
        if (firstToken < 0) {
            throw new IllegalStateException(baseUrl + " streamed no text");
        }
        return firstToken;
    }

    private static void report(String name, long[] nanos) {
        System.out.printf("%-13s median %.2f ms, p90 %.2f ms, p99 %.2f ms%n", name,
                percentile(nanos, 50) / 1e6, percentile(nanos, 90) / 1e6, percentile(nanos, 99) / 1e6);
    }

    private static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
