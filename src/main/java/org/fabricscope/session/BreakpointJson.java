package org.fabricscope.session;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.fabricscope.replay.Breakpoint;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;

/**
 * A breakpoint in a session file: an object with the conditions it has, {@code kind} (an {@code
 * EventKind} name), {@code block}, {@code actor}, {@code field} (a trace field name) and {@code
 * value} (as the field's values are written, e.g. {@code "READY"}, {@code "true"}, {@code "3"}).
 *
 * <p>The one place that knows how a breakpoint is saved: when the replay gets a text form of
 * breakpoints ({@code Breakpoint.toSpec()}/{@code parse}), {@link #write} can write it under a
 * {@code spec} key and {@link #read} prefer it, without touching the rest of the format.
 */
final class BreakpointJson {
    private BreakpointJson() {}

    static void write(JsonGenerator g, Breakpoint b) throws IOException {
        g.writeStartObject();
        if (b.kind() != null) {
            g.writeStringField("kind", b.kind().name());
        }
        if (b.block() >= 0) {
            g.writeNumberField("block", b.block());
        }
        if (b.actor() != null) {
            g.writeStringField("actor", b.actor());
        }
        if (b.field() != null) {
            g.writeStringField("field", b.field().jsonName());
            if (b.value() != null) {
                g.writeStringField("value", b.field().format(b.value()));
            }
        }
        g.writeEndObject();
    }

    /** Reads one breakpoint object; problems are thrown at the offending value's line. */
    static Breakpoint read(JsonTree.Obj o) throws SessionFormatException {
        o.allowOnly("kind", "block", "actor", "field", "value");
        Breakpoint b = Breakpoint.any();
        JsonTree.Node kind = o.get("kind");
        if (kind != null) {
            String name = kind.string();
            try {
                b = b.withKind(EventKind.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw kind.fail("unknown event kind '" + name + "'");
            }
        }
        JsonTree.Node block = o.get("block");
        if (block != null) {
            int id = block.intValue();
            if (id < -1) {
                throw block.fail("block is -1 (any) or a block id, not " + id);
            }
            b = b.withBlock(id);
        }
        JsonTree.Node actor = o.get("actor");
        if (actor != null) {
            b = b.withActor(actor.string());
        }
        JsonTree.Node field = o.get("field");
        JsonTree.Node value = o.get("value");
        if (field != null) {
            Field f = Field.ofJsonName(field.string());
            if (f == null) {
                throw field.fail("unknown field '" + field.string() + "'");
            }
            b = b.withField(f);
            if (value != null) {
                try {
                    b = b.withValue(Breakpoint.parseValue(f, value.scalarText()));
                } catch (IllegalArgumentException e) {
                    throw value.fail(e.getMessage());
                }
            }
        } else if (value != null) {
            throw value.fail("a breakpoint's value needs the field it belongs to");
        }
        return b;
    }
}
