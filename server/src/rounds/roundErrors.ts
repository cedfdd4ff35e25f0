/** Why a round operation was refused; the HTTP layer turns it into the same error code. */
export class RoundError extends Error {
  override readonly name = 'RoundError'
  constructor(
    readonly code: 'forbidden' | 'not_found' | 'conflict' | 'unprocessable',
    message: string,
  ) {
    super(message)
  }
}
