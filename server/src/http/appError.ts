import { appErrorStatus, type AppErrorCode } from '@koers/protocol'

/** A typed API error; `app.onError` turns it into `{ error: { code, message } }`. */
export class AppError extends Error {
  override readonly name = 'AppError'
  readonly status: number

  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message)
    this.status = appErrorStatus[code]
  }
}
