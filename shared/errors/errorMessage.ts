/**
 * The message of anything thrown: an `Error`'s `message`, anything else as text.
 * The one place the `e instanceof Error ? e.message : String(e)` idiom is written.
 *
 * @param e - what a `catch` received
 * @returns one human-readable line (or more, when the error's message has them)
 */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
