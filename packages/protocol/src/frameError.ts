/** Thrown by the frame decoder for malformed, truncated or over-long input. */
export class FrameError extends Error {
  override readonly name = 'FrameError'
}
