/**
 * `key=value` arguments as one line for a POSIX shell (`yolo train ${{ steps.hub.outputs.train-args }}`).
 * A value that holds anything but plain word characters is single-quoted, and a single quote in it
 * becomes `'\''`: the shell then hands the trainer the value byte for byte, whatever the server
 * put in it (spaces, `$(…)`, backquotes, globs, `~`, newlines).
 */

/** Characters that mean nothing to sh, bash, dash or zsh anywhere in a word. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** `value` as one shell word: as it is when plain, else in single quotes. */
export function shellQuote(value: string): string {
  if (PLAIN.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `model=… data='my data.yaml' epochs=100`: each pair one word, in the map's order. */
export function argString(args: Record<string, string>): string {
  return Object.entries(args)
    .map(([key, value]) => `${key}=${shellQuote(value)}`)
    .join(' ');
}
