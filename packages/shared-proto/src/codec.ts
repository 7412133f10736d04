/**
 * Version-stamping encode and never-throwing decode for every vmha.v1 message.
 */
import type { DecodeResult, MessageDecoder, MessageEncoder, MessageFields, Versioned } from './types.ts';
import { PROTOCOL_VERSION } from './version.ts';

/** Tag of field 1 (protocol_version) as a varint: (1 << 3) | wire type 0. */
const VERSION_TAG = 0x08;

/** Encodes `fields` as a `Type` message stamped with `PROTOCOL_VERSION`. Fields are trusted (typed) input. */
export function encodeMessage<P extends { protocolVersion?: number | null }>(
  Type: MessageEncoder<P>,
  fields: MessageFields<P>,
): Uint8Array {
  return Type.encode({ ...fields, protocolVersion: PROTOCOL_VERSION } as P).finish();
}

/**
 * `encodeMessage` for a message carrying one large `bytes` field (a checkpoint chunk's data): the other fields
 * are encoded as usual and the payload appended as field `payloadField`, copied once (protobufjs copies it into
 * its writer and again into the result). Protobuf decoders accept fields in any order, so this decodes exactly as
 * `encodeMessage({ ...fields, [field]: payload })` does. `fields` must not carry the payload field itself.
 */
export function encodeMessageWithPayload<P extends { protocolVersion?: number | null }>(
  Type: MessageEncoder<P>,
  fields: MessageFields<P>,
  payloadField: number,
  payload: Uint8Array,
): Uint8Array {
  if (!Number.isInteger(payloadField) || payloadField < 2 || payloadField > 2047)
    throw new RangeError(`payload field ${payloadField} out of range`);
  const head = encodeMessage(Type, fields);
  const tag = (payloadField << 3) | 2; // wire type 2: length-delimited
  const out = new Uint8Array(
    head.length + varint32Length(tag) + varint32Length(payload.length) + payload.length,
  );
  out.set(head);
  let at = writeVarint32(out, head.length, tag);
  at = writeVarint32(out, at, payload.length);
  out.set(payload, at);
  return out;
}

/**
 * Decodes `bytes` as a `Type` message of our protocol version. Never throws: anything else (garbage, a cut-off
 * message, another version) comes back as `{ ok: false, reason, detail }` for the caller to log, count and drop.
 */
export function decodeMessage<M extends Versioned>(
  Type: MessageDecoder<M>,
  bytes: Uint8Array,
): DecodeResult<M> {
  if (!(bytes instanceof Uint8Array)) return fail('malformed', `${Type.name}: not a byte array`);
  if (bytes.length === 0) return fail('truncated', `${Type.name}: empty message`);

  // Our encoders write protocol_version first. Check it before decoding the rest, whose layout may differ in
  // another version (so a newer peer's message is reported as wrong-version, not as malformed).
  if (bytes[0] === VERSION_TAG) {
    const peeked = readVarint32(bytes, 1);
    if (peeked === undefined) return fail('truncated', `${Type.name}: cut off in protocol_version`);
    if (peeked === null) return fail('malformed', `${Type.name}: bad varint in protocol_version`);
    if (peeked !== PROTOCOL_VERSION) return wrongVersion(Type, peeked);
  }

  let message: M;
  try {
    message = Type.decode(bytes);
  } catch (err) {
    return classifyDecodeError(Type, err);
  }
  // Other encoders may put fields in any order, so the version is checked again after a full decode.
  if (message.protocolVersion === PROTOCOL_VERSION) return { ok: true, message };
  if (!message.protocolVersion) return fail('malformed', `${Type.name}: no protocol_version`);
  return wrongVersion(Type, message.protocolVersion);
}

function fail(reason: 'truncated' | 'malformed' | 'wrong-version', detail: string): DecodeResult<never> {
  return { ok: false, reason, detail };
}

function wrongVersion(Type: { name: string }, version: number): DecodeResult<never> {
  return fail('wrong-version', `${Type.name}: protocol_version ${version}, expected ${PROTOCOL_VERSION}`);
}

/** protobufjs throws RangeError('index out of range ...') when a field runs past the end; anything else is garbage. */
function classifyDecodeError(Type: { name: string }, err: unknown): DecodeResult<never> {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof RangeError && message.startsWith('index out of range')) {
    return fail('truncated', `${Type.name}: ${message}`);
  }
  return fail('malformed', `${Type.name}: ${message}`);
}

/**
 * Reads an unsigned 32-bit varint at `offset`: the value, `undefined` if the bytes end inside it, or `null` if it is
 * longer than 5 bytes or overflows 32 bits.
 */
export function readVarint32(bytes: Uint8Array, offset: number): number | undefined | null {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    if (offset + i >= bytes.length) return undefined;
    const byte = bytes[offset + i];
    if (i === 4 && byte > 0x0f) return null;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) return value;
  }
  return null;
}

/** Bytes a varint of `value` (an unsigned 32-bit integer) takes. */
export function varint32Length(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

function writeVarint32(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  out[at++] = value;
  return at;
}
