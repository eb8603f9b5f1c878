/**
 * The inspector: the focus block's metadata at the cursor (every field, the ones changed at this
 * step highlighted, and for each the event that last changed it) and the details of the event
 * under the cursor. {@link org.fabricscope.ui.inspector.InspectorViewModel} reads state from
 * {@link org.fabricscope.replay.TraceIndex} and writes only the session's cursor.
 */
package org.fabricscope.ui.inspector;
