/** Random identifiers in the shapes the real services use (20-char model ids, hex tokens). */
import { randomBytes, randomInt } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` letters and digits, like HUB's 20-char model ids. */
export function randomId(length = 20): string {
  let id = '';
  for (let i = 0; i < length; i++) id += ALNUM[randomInt(ALNUM.length)];
  return id;
}

export const randomHex = (bytes: number): string => randomBytes(bytes).toString('hex');
