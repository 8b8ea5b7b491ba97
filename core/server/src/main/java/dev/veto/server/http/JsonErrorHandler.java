package dev.veto.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches the routes — a malformed path, headers or URI too
 * long, an unsupported HTTP version — in the API's JSON error shape instead of an HTML page, so that a client
 * parses every error the same way. Jetty's own wording of the problem is kept; no stack, no server details.
 */
public final class JsonErrorHandler extends ErrorHandler {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    private byte[] body(int status, String message) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode error = root.putObject("error");
        String reason = HttpStatus.getMessage(status);
        error.put("message", message == null || message.isBlank() ? reason : message);
        error.put("type", status >= 500 ? "server_error" : "invalid_request_error");
        error.put("code", "http_" + status);
        error.putNull("param");
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
