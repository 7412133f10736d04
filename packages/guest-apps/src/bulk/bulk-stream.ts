/**
 * The deterministic byte stream the bulk server sends and clients verify.
 *
 * Stream `seed` is the AES-128-CTR keystream (NIST SP 800-38A) under key = seed as a little-endian u64 followed
 * by the ASCII bytes "vmhabulk", with a 128-bit big-endian counter starting at 0: byte i of the stream is byte
 * i % 16 of AES(key, i / 16). That is a counter-based generator (the Random123 "AESNI" design), so any offset is
 * produced directly, and AES-NI makes it several GB/s. Anything with AES can reproduce it, e.g. the first
 * `n` bytes of stream 7:
 *
 *   head -c n /dev/zero | openssl enc -aes-128-ctr -K 0700000000000000766d686162756c6b -iv 0 | sha256sum
 *
 * (the key above is "07 00 00 00 00 00 00 00" then "vmhabulk" in hex). Clients either compare what they receive
 * with `BulkStreamVerifier` (exact, reports the first bad offset) or hash it and compare with
 * `bulkStreamSha256(seed, length)`.
 */
import { createCipheriv, createHash, type Cipher } from 'node:crypto';

/** Seeds are unsigned integers below 2^53 (they travel as decimal text in the request). */
export const MAX_BULK_SEED = Number.MAX_SAFE_INTEGER;
const KEY_TAG = 'vmhabulk';
const BLOCK = 16;
/** Keystream is made by encrypting zeros; one shared block of them, grown on demand up to this size. */
const ZERO_CHUNK = 1 << 20;
let zeros = new Uint8Array(64 * 1024);

function zeroBytes(n: number): Uint8Array {
  if (zeros.length < n) zeros = new Uint8Array(Math.min(ZERO_CHUNK, Math.max(n, zeros.length * 2)));
  return zeros.subarray(0, n);
}

function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`bulk stream seed ${seed} is not a u53`);
}

function keyFor(seed: number): Buffer {
  const key = Buffer.alloc(16);
  key.writeUInt32LE(seed % 2 ** 32, 0);
  key.writeUInt32LE(Math.floor(seed / 2 ** 32), 4);
  key.write(KEY_TAG, 8, 'latin1');
  return key;
}

/** A CTR cipher positioned at the start of the 16-byte block holding `offset`. */
function cipherAt(seed: number, offset: number): Cipher {
  const block = Math.floor(offset / BLOCK);
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(Math.floor(block / 2 ** 32), 8);
  iv.writeUInt32BE(block % 2 ** 32, 12);
  return createCipheriv('aes-128-ctr', keyFor(seed), iv);
}

/** Bytes [offset, offset + length) of stream `seed`. */
export function bulkStreamBytes(seed: number, offset: number, length: number): Uint8Array {
  checkSeed(seed);
  if (!Number.isSafeInteger(offset) || offset < 0)
    throw new RangeError(`bulk stream offset ${offset} is invalid`);
  if (!Number.isSafeInteger(length) || length < 0)
    throw new RangeError(`bulk stream length ${length} is invalid`);
  if (length === 0) return new Uint8Array(0);
  const skip = offset % BLOCK;
  const cipher = cipherAt(seed, offset);
  if (skip + length <= ZERO_CHUNK) {
    const out = cipher.update(zeroBytes(skip + length));
    return skip === 0 ? out : out.subarray(skip);
  }
  const out = new Uint8Array(length);
  let filled = 0;
  let discard = skip;
  while (filled < length) {
    const n = Math.min(ZERO_CHUNK - discard, length - filled);
    out.set(cipher.update(zeroBytes(discard + n)).subarray(discard), filled);
    filled += n;
    discard = 0;
  }
  return out;
}

/** Sequential reader of one stream: cheaper than bulkStreamBytes per call (one cipher, no re-keying). */
export class BulkStreamGenerator {
  private readonly cipher: Cipher;
  private position: number;

  constructor(
    readonly seed: number,
    offset = 0,
  ) {
    checkSeed(seed);
    this.cipher = cipherAt(seed, offset);
    const skip = offset % BLOCK;
    if (skip > 0) this.cipher.update(zeroBytes(skip));
    this.position = offset;
  }

  get offset(): number {
    return this.position;
  }

  /** The next `length` bytes of the stream. */
  next(length: number): Uint8Array {
    if (length === 0) return new Uint8Array(0);
    this.position += length;
    if (length <= ZERO_CHUNK) return this.cipher.update(zeroBytes(length));
    const out = new Uint8Array(length);
    for (let at = 0; at < length; at += ZERO_CHUNK) {
      out.set(this.cipher.update(zeroBytes(Math.min(ZERO_CHUNK, length - at))), at);
    }
    return out;
  }
}

/** Checks received bytes against the stream, in order, chunk by chunk as they arrive. */
export class BulkStreamVerifier {
  private readonly generator: BulkStreamGenerator;
  private bad: number | undefined;
  private readonly hash = createHash('sha256');

  constructor(seed: number, offset = 0) {
    this.generator = new BulkStreamGenerator(seed, offset);
  }

  /** Bytes checked so far (the stream offset reached). */
  get verifiedBytes(): number {
    return this.generator.offset;
  }

  /** Stream offset of the first byte that differed, or undefined while all matched. */
  get firstMismatchAt(): number | undefined {
    return this.bad;
  }

  get ok(): boolean {
    return this.bad === undefined;
  }

  update(chunk: Uint8Array): void {
    const at = this.generator.offset;
    const expected = this.generator.next(chunk.length);
    this.hash.update(chunk);
    if (this.bad !== undefined) return;
    if (Buffer.compare(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length), expected) === 0) return;
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] !== expected[i]) {
        this.bad = at + i;
        return;
      }
    }
  }

  /** SHA-256 (hex) of everything passed to update(); ends the verifier. */
  sha256(): string {
    return this.hash.digest('hex');
  }
}

/** SHA-256 (hex) of the first `length` bytes of stream `seed`, for clients that hash what they receive. */
export function bulkStreamSha256(seed: number, length: number): string {
  const generator = new BulkStreamGenerator(seed);
  const hash = createHash('sha256');
  for (let at = 0; at < length; at += ZERO_CHUNK)
    hash.update(generator.next(Math.min(ZERO_CHUNK, length - at)));
  return hash.digest('hex');
}
