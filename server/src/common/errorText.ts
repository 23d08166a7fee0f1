/** `RangeError: Invalid code point 1114112`: an error's name and first message line. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0]}`;
  return String(error).split('\n')[0];
}
