package dev.veto.benchmarks.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A model server for load tests: {@code POST /v1/chat/completions} streams a fixed 600-character answer as
 * 60 server-sent events in the OpenAI format, optionally {@code pace} milliseconds apart (a model producing
 * tokens), and answers non-streamed requests with the whole text.
 *
 * <pre>
 * java -cp benchmarks/target/classes dev.veto.benchmarks.http.StubModelServer PORT [pace-ms]
 * </pre>
 */
public final class StubModelServer {

    private static final String ANSWER = ("Lisbon in spring is mild and bright, with long afternoons by the river. "
            + "Expect showers now and then, so a light jacket helps. ").repeat(5).substring(0, 600);

    private StubModelServer() {
    }

    /**
     * Starts the server and runs until killed.
     *
     * @param args port, optional pace in milliseconds between events, optional length of the answer (at most 600)
     * @throws IOException when the port is taken
     */
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long pace = args.length > 1 ? Long.parseLong(args[1]) : 0;
        String answer = args.length > 2 ? ANSWER.substring(0, Integer.parseInt(args[2])) : ANSWER;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, answer, pace));
        server.start();
        System.out.println("stub model server on http://127.0.0.1:" + port + "/v1, " + pace + " ms between events");
    }

    private static void answer(HttpExchange exchange, String answer, long pace) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try (exchange) {
            if (!request.replace(" ", "").contains("\"stream\":true")) {
                byte[] body = ("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"stub\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"" + answer + "\"},\"finish_reason\":\"stop\"}]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < answer.length(); i += 10) {
                if (pace > 0) {
                    Thread.sleep(pace);
                }
                out.write(("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{\"content\":\"" + answer.substring(i, Math.min(answer.length(), i + 10))
                        + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write(("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"stub\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
