/**
 * The base of NetCanvas's own errors: a message written for a learner plus a stable `code`
 * that code (HTTP status, renderer reaction, tests) decides on, so nothing matches message text.
 * Each subclass narrows `C` to its own codes and adds its own context fields.
 *
 * @typeParam C - the codes this kind of error can carry
 */
export class CodedError<C extends string> extends Error {
  /**
   * @param code - what kind of problem, stable across wording changes
   * @param message - the whole sentence shown to the learner
   * @param options - `cause`, the lower-level error this one explains
   */
  constructor(
    readonly code: C,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** True when `e` is a {@link CodedError}, optionally with one code. */
export function hasCode<C extends string>(e: unknown, code?: C): e is CodedError<C> {
  return e instanceof CodedError && (code === undefined || e.code === code);
}
