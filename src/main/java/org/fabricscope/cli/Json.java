package org.fabricscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;

/** One JSON object on one line, for {@code --json} output (field names are a stable interface). */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /** Writes the object that {@code body} fills, then a newline. */
    static void print(PrintWriter out, IoConsumer body) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(sw)) {
            g.writeStartObject();
            body.accept(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON to a string", e);
        }
        out.println(sw);
        out.flush();
    }

    /** Like {@link Consumer} but may throw the generator's {@link IOException}. */
    @FunctionalInterface
    interface IoConsumer {
        void accept(JsonGenerator g) throws IOException;
    }
}
