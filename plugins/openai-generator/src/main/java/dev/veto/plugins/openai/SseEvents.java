package dev.veto.plugins.openai;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * The data of server-sent events, one event at a time: an event's {@code data:} lines joined by newlines, as
 * the SSE format defines them (a model server may split one JSON document over several lines); comments,
 * {@code event:}, {@code id:} and {@code retry:} lines are skipped. Not thread-safe.
 */
final class SseEvents {

    private final BufferedReader lines;

    SseEvents(BufferedReader lines) {
        this.lines = lines;
    }

    /**
     * The next event's data.
     *
     * @return the data, or {@code null} at the end of the stream
     * @throws IOException if reading fails
     */
    String next() throws IOException {
        StringBuilder data = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                if (data != null) {
                    return data.toString(); // a blank line ends the event
                }
                continue;
            }
            if (line.startsWith("data:")) {
                String value = line.startsWith("data: ") ? line.substring(6) : line.substring(5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return data == null ? null : data.toString(); // the last event, if the stream ended without a blank line
    }
}
