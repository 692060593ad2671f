/** Longest message NetCanvas shows or sends for one error: a sentence, a path and a hint. */
export const MAX_MESSAGE_LENGTH = 300;

/**
 * `message` cut to about {@link MAX_MESSAGE_LENGTH} characters, keeping its start (what is wrong
 * and where). A hostile file can make a validator's message as long as the file itself.
 */
export function capMessage(message: string, max = MAX_MESSAGE_LENGTH): string {
  return message.length <= max ? message : `${message.slice(0, max - 1)}…`;
}
