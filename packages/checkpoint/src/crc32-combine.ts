/**
 * CRC-32 (ISO-HDLC, as zlib's) arithmetic that saves passes over checkpoint bytes: the CRC of two pieces
 * joined, from the pieces' CRCs (zlib's crc32_combine, by GF(2) matrix powers of the zero-byte operator), so a
 * body's CRC follows from its chunks' without reading it again; and the residue, the CRC of any message followed
 * by its own CRC (little-endian), so a receiver checks a body's trailer against the CRC of the whole body.
 */

/** crc32(m ++ le32(crc32(m))) for every message m. */
export const CRC32_RESIDUE = 0x2144df1c;

const POLY = 0xedb88320; // reflected

/** mat × vec over GF(2): the XOR of the rows selected by vec's bits. */
function times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i];
  return sum >>> 0;
}

/** The operator "apply b, then a" (powers of one operator commute, so the order never matters here). */
function compose(a: Uint32Array, b: Uint32Array): Uint32Array<ArrayBuffer> {
  const out = new Uint32Array(32);
  for (let n = 0; n < 32; n++) out[n] = times(a, b[n]);
  return out;
}

/** What one zero byte does to a CRC register. */
const ONE_ZERO_BYTE = (() => {
  let op: Uint32Array<ArrayBuffer> = new Uint32Array(32); // one zero bit
  op[0] = POLY;
  for (let n = 1; n < 32; n++) op[n] = (1 << (n - 1)) >>> 0;
  for (let i = 0; i < 3; i++) op = compose(op, op); // 2, 4, 8 bits
  return op;
})();

/** Operators for n zero bytes, by n: chunk lengths repeat, so most combinations cost 32 row XORs. */
const operators = new Map<number, Uint32Array<ArrayBuffer>>();

function zeroBytesOperator(n: number): Uint32Array {
  const cached = operators.get(n);
  if (cached) return cached;
  let result: Uint32Array<ArrayBuffer> | undefined;
  let power = ONE_ZERO_BYTE;
  for (let k = n; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) result = result ? compose(power, result) : power;
    if (k > 1) power = compose(power, power);
  }
  if (operators.size >= 64) operators.delete(operators.keys().next().value!);
  operators.set(n, result!);
  return result!;
}

/** CRC-32 of `a ++ b`, from `crcA` = crc32(a), `crcB` = crc32(b) and b's length. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (!Number.isSafeInteger(lengthB) || lengthB < 0) throw new RangeError(`bad length ${lengthB}`);
  if (lengthB === 0) return crcA >>> 0;
  return (times(zeroBytesOperator(lengthB), crcA >>> 0) ^ crcB) >>> 0;
}
