package org.fabricscope.session;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.fabricscope.replay.Breakpoint;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;

/**
 * A breakpoint in a session file: {@code {"spec": "PREFETCH_READY; block 82; after WRITE_LOCK;
 * before WRITE_RELEASE"}}, the replay's one-line text form ({@link Breakpoint#toSpec()}, read back
 * by {@link Breakpoint#parse}), which holds everything a breakpoint has: kind, block, actor,
 * writes/reads/touches of a field value, state condition, sequence, and whether it is disabled.
 *
 * <p>For sessions written before the text form existed, an object of separate {@code kind},
 * {@code block}, {@code actor}, {@code field} and {@code value} keys is still read (a value
 * breakpoint of that form means "touches").
 */
final class BreakpointJson {
    private BreakpointJson() {}

    static void write(JsonGenerator g, Breakpoint b) throws IOException {
        g.writeStartObject();
        g.writeStringField("spec", b.toSpec());
        g.writeEndObject();
    }

    /** Reads one breakpoint object; problems are thrown at the offending value's line. */
    static Breakpoint read(JsonTree.Obj o) throws SessionFormatException {
        JsonTree.Node spec = o.get("spec");
        if (spec != null) {
            o.allowOnly("spec");
            try {
                return Breakpoint.parse(spec.string());
            } catch (IllegalArgumentException e) {
                throw spec.fail(e.getMessage());
            }
        }
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
