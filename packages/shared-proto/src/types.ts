/** Contracts of the wire layer: what decoding yields and what a generated message type offers. */

/** Why a message was dropped instead of decoded. */
export type DecodeFailureReason =
  /** Ends before a field it started (or is empty): a cut-off message. */
  | 'truncated'
  /** Not a vmha.v1 message of that type: bad varints or wire types, no protocol_version, not bytes at all. */
  | 'malformed'
  /** A well-formed start, but another protocol_version than ours. */
  | 'wrong-version';

export type DecodeResult<M> =
  | { ok: true; message: M }
  | { ok: false; reason: DecodeFailureReason; /** Human-readable, for logs. */ detail: string };

/** Every vmha.v1 message starts with this field. */
export interface Versioned {
  protocolVersion: number;
}

/** The decoding half of a generated message class (e.g. `IpPacket`). */
export interface MessageDecoder<M extends Versioned> {
  decode(bytes: Uint8Array): M;
  readonly name: string;
}

/** The encoding half of a generated message class; `P` is its properties object. */
export interface MessageEncoder<P extends { protocolVersion?: number | null }> {
  encode(message: P): { finish(): Uint8Array };
}

/** Fields of a message minus the version, which `encodeMessage` stamps. */
export type MessageFields<P> = Omit<P, 'protocolVersion' | '$unknowns'>;

/** The health states a service reports in `HealthReply.status`. */
export type HealthStatus = 'starting' | 'serving' | 'draining';

/** How a VM runs, as in `VmStatus.mode`. Later issues add replicated and migrating modes. */
export type VmMode = 'native';
