/**
 * Redis's integer rules (util.c string2ll): a value is an integer only when it is the canonical decimal form of
 * a signed 64-bit number: optional '-', no '+', no spaces, no leading zeros, no "-0", at most 20 characters.
 * Arithmetic is checked against the int64 range, as INCR/DECR do.
 */

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
/** "-9223372036854775808" is 20 characters; anything longer cannot be an int64. */
const MAX_DIGITS_WITH_SIGN = 20;

/** The int64 `bytes` spell, or undefined when they are not an integer by Redis's rules. */
export function parseInt64(bytes: Uint8Array): bigint | undefined {
  const n = bytes.length;
  if (n === 0 || n > MAX_DIGITS_WITH_SIGN) return undefined;
  if (n === 1 && bytes[0] === 0x30) return 0n;
  let i = 0;
  const negative = bytes[0] === 0x2d;
  if (negative) {
    i = 1;
    if (n === 1) return undefined;
  }
  if (bytes[i] < 0x31 || bytes[i] > 0x39) return undefined; // no leading zero, no "-0"
  let text = '';
  for (; i < n; i++) {
    const c = bytes[i];
    if (c < 0x30 || c > 0x39) return undefined;
    text += String.fromCharCode(c);
  }
  const value = negative ? -BigInt(text) : BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

/** The decimal form of a number whose value fits in 53 bits, or of a bigint; as ASCII bytes. */
export function formatInteger(value: number | bigint): Uint8Array {
  const text = String(value);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** `a + b` when it stays in int64, else undefined (Redis: "increment or decrement would overflow"). */
export function addInt64(a: bigint, b: bigint): bigint | undefined {
  const sum = a + b;
  return sum < INT64_MIN || sum > INT64_MAX ? undefined : sum;
}
