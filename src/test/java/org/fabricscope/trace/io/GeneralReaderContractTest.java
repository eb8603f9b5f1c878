package org.fabricscope.trace.io;

import java.nio.file.Path;

/** The general reader meets the {@link TraceSource} contract (it is also its reference). */
class GeneralReaderContractTest extends TraceSourceContract {
    @Override
    TraceSource source(Path dir) {
        return TraceReader.general();
    }
}
