/**
 * The replay controls: the toolbar that moves the session's cursor (step, next/previous transition
 * of the block, verifier check, FPRE004, start/end, go to, play/pause with breakpoints) and its
 * view model. The view model writes only {@link org.fabricscope.ui.session.TraceSession}; the
 * state it shows comes from {@link org.fabricscope.replay.TraceIndex}, never from replaying
 * events here.
 */
package org.fabricscope.ui.replay;
