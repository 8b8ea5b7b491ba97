package dev.veto.server.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's page, script and style, read once from the server's resources and served with headers that
 * keep the page to itself: a Content-Security-Policy allowing only its own files, no framing, no sniffing.
 */
final class ConsoleAssets {

    private record Asset(byte[] bytes, String type) {
    }

    private static final String SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final Map<String, Asset> assets = Map.of(
            "index.html", new Asset(read("index.html"), "text/html; charset=utf-8"),
            "console.js", new Asset(read("console.js"), "text/javascript; charset=utf-8"),
            "console.css", new Asset(read("console.css"), "text/css; charset=utf-8"));

    /**
     * Serves one asset.
     *
     * @param ctx  the request
     * @param name the file name; an unknown one is a 404
     */
    void serve(Context ctx, String name) {
        Asset asset = assets.get(name);
        if (asset == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("not found");
            return;
        }
        ctx.header("Content-Security-Policy", SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.status(200).contentType(asset.type()).result(asset.bytes());
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream("/veto-console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from the server's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
