import { describe, expect, it } from 'vitest';
import {
  CheckpointAck,
  CheckpointChunk,
  CheckpointKind,
  EpochEvent,
  EpochReport,
  HandoverReply,
  HandoverRequest,
  HealthReply,
  Heartbeat,
  JoinReply,
  JoinRequest,
  HealthRequest,
  IpPacket,
  ModeReply,
  ModeRequest,
  PROTOCOL_VERSION,
  TakeoverOrder,
  TakeoverReply,
  VipAnnouncement,
  VmStatus,
  decodeIpPacket,
  decodeMessage,
  encodeIpPacket,
  encodeMessage,
  type DecodeResult,
  type MessageDecoder,
  type Versioned,
} from './index.ts';

/** mulberry32: a small seeded generator, so every run fuzzes the same inputs. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const types: MessageDecoder<Versioned>[] = [
  IpPacket,
  VipAnnouncement,
  HealthRequest,
  HealthReply,
  VmStatus,
  CheckpointChunk,
  CheckpointAck,
  Heartbeat,
  JoinRequest,
  JoinReply,
  EpochReport,
  HandoverRequest,
  HandoverReply,
  TakeoverOrder,
  TakeoverReply,
  ModeRequest,
  ModeReply,
];

/** One valid, fully populated message of each type. */
const samples: [MessageDecoder<Versioned>, Uint8Array][] = [
  [
    IpPacket,
    encodeMessage(IpPacket, {
      datagrams: [Uint8Array.from({ length: 60 }, (_, i) => i), Uint8Array.of(0x45, 1, 2)],
    }),
  ],
  [
    VipAnnouncement,
    encodeMessage(VipAnnouncement, {
      vmId: 'vm1',
      address: '10.0.0.2',
      owner: 'primary-vmm/a',
      leaseRevision: 99,
    }),
  ],
  [HealthRequest, encodeMessage(HealthRequest, {})],
  [
    HealthReply,
    encodeMessage(HealthReply, {
      service: 'vnet',
      instance: 'a',
      status: 'serving',
      uptimeMs: 123456,
      counters: { a: 1, 'dropped.malformed': 3 },
    }),
  ],
  [
    VmStatus,
    encodeMessage(VmStatus, {
      vmId: 'vm1',
      mode: 'native',
      owner: 'o',
      virtualTimeMs: 1.5,
      address: '10.0.0.2',
      counters: { x: 2 },
    }),
  ],
  [
    CheckpointChunk,
    encodeMessage(CheckpointChunk, {
      vmId: 'vm1',
      streamId: 's-1',
      kind: CheckpointKind.CHECKPOINT_KIND_EPOCH,
      epoch: 2 ** 40 + 3,
      baseEpoch: 2 ** 40 + 2,
      chunkIndex: 1,
      chunkCount: 4,
      bodyBytes: 3_000_000,
      dataCrc32: 0xdeadbeef,
      data: Uint8Array.from({ length: 100 }, (_, i) => i * 3),
      leaseRevision: 17,
    }),
  ],
  [
    CheckpointAck,
    encodeMessage(CheckpointAck, {
      vmId: 'vm1',
      streamId: 's-1',
      backup: 'b',
      epoch: 9,
      applied: false,
      error: 'missing chunks',
      stateDigest: 'ab'.repeat(32),
      leaseRevision: 17,
    }),
  ],
  [
    Heartbeat,
    encodeMessage(Heartbeat, {
      vmId: 'vm1',
      sender: 'a',
      role: 'primary',
      streamId: 's-1',
      leaseRevision: 3,
      epoch: 77,
      sequence: 12,
    }),
  ],
  [JoinRequest, encodeMessage(JoinRequest, { vmId: 'vm1', backup: 'b', leaseRevision: 3 })],
  [
    JoinReply,
    encodeMessage(JoinReply, {
      vmId: 'vm1',
      accepted: true,
      reason: '',
      streamId: 's-2',
      primary: 'a',
      leaseRevision: 3,
    }),
  ],
  [
    EpochReport,
    encodeMessage(EpochReport, {
      vmId: 'vm1',
      sender: 'a',
      streamId: 's-2',
      epoch: 41,
      event: EpochEvent.EPOCH_EVENT_ACKED,
      stateDigest: 'cd'.repeat(32),
      leaseRevision: 3,
    }),
  ],
  [HandoverRequest, encodeMessage(HandoverRequest, { vmId: 'vm1', requestedBy: 'operator' })],
  [
    HandoverReply,
    encodeMessage(HandoverReply, {
      vmId: 'vm1',
      accepted: true,
      reason: '',
      newPrimary: 'b',
      epoch: 41,
      leaseRevision: 4,
      guestPausedMs: 12.5,
    }),
  ],
  [
    TakeoverOrder,
    encodeMessage(TakeoverOrder, { vmId: 'vm1', streamId: 's-2', primary: 'a', epoch: 41, leaseRevision: 3 }),
  ],
  [
    TakeoverReply,
    encodeMessage(TakeoverReply, { vmId: 'vm1', accepted: false, reason: 'x', leaseRevision: 3 }),
  ],
  [ModeRequest, encodeMessage(ModeRequest, { vmId: 'vm1', mode: 'speculative' })],
  [ModeReply, encodeMessage(ModeReply, { vmId: 'vm1', accepted: true, reason: '', mode: 'speculative' })],
];

const reasons = new Set(['truncated', 'malformed', 'wrong-version']);

/**
 * Decodes and checks the contract: no throw, ok only for our version, otherwise a known reason with a detail.
 * (Plain checks rather than expect() per call: the loops run 100,000 decodes.)
 */
function decodeChecked(Type: MessageDecoder<Versioned>, bytes: Uint8Array): DecodeResult<Versioned> {
  const result = decodeMessage(Type, bytes);
  const kept = result.ok
    ? result.message.protocolVersion === PROTOCOL_VERSION
    : reasons.has(result.reason) && result.detail !== '';
  if (!kept) throw new Error(`${Type.name} broke the contract on ${Buffer.from(bytes).toString('hex')}`);
  return result;
}

function randomBytes(random: () => number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

describe('decoder fuzz', () => {
  it('never throws on random bytes, and says why it drops them', () => {
    const random = seeded(1);
    const seen: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const bytes = randomBytes(random, Math.floor(random() * 80));
      // Half of them start like one of ours, to get past the version check into the field decoders.
      if (i % 2 === 0 && bytes.length >= 2) bytes.set([0x08, PROTOCOL_VERSION]);
      for (const Type of types) {
        const result = decodeChecked(Type, bytes);
        const key = result.ok ? 'ok' : result.reason;
        seen[key] = (seen[key] ?? 0) + 1;
      }
    }
    // Every reason shows up, so the fuzz reached each path.
    expect(Object.keys(seen).sort()).toEqual(['malformed', 'ok', 'truncated', 'wrong-version']);
  });

  it('reports every cut of a valid message inside a field as truncated, never as garbage', () => {
    for (const [Type, bytes] of samples) {
      for (let cut = 0; cut < bytes.length; cut++) {
        const result = decodeChecked(Type, bytes.subarray(0, cut));
        if (!result.ok) expect(result.reason, `${Type.name} cut at ${cut}`).toBe('truncated');
      }
      expect(decodeChecked(Type, bytes).ok).toBe(true);
    }
  });

  it('reports every other protocol version as wrong-version', () => {
    const random = seeded(2);
    for (let i = 0; i < 2_000; i++) {
      const version = 2 + Math.floor(random() * (2 ** 32 - 2));
      const bytes = HealthReply.encode({ protocolVersion: version, service: 's', uptimeMs: i }).finish();
      const result = decodeMessage(HealthReply, bytes);
      expect(result).toMatchObject({ ok: false, reason: 'wrong-version' });
      expect(!result.ok && result.detail).toContain(String(version));
    }
  });

  it('never throws on mutated valid messages, and the IpPacket fast path agrees with the generic decoder', () => {
    const random = seeded(3);
    for (let i = 0; i < 20_000; i++) {
      const [Type, valid] = samples[i % samples.length];
      const bytes = Uint8Array.from(valid);
      const flips = 1 + Math.floor(random() * 4);
      for (let f = 0; f < flips; f++)
        bytes[Math.floor(random() * bytes.length)] ^= 1 << Math.floor(random() * 8);
      decodeChecked(Type, bytes);
    }
    for (let i = 0; i < 20_000; i++) {
      const burst = Array.from({ length: Math.floor(random() * 4) }, () =>
        randomBytes(random, Math.floor(random() * 300)),
      );
      const bytes = encodeIpPacket(burst);
      // Damage where the structure lives: the version, and the tags and lengths around each datagram.
      const mutations = Math.floor(random() * 3);
      for (let m = 0; m < mutations && bytes.length > 0; m++)
        bytes[
          random() < 0.5
            ? Math.floor(random() * Math.min(bytes.length, 6))
            : Math.floor(random() * bytes.length)
        ] = random() * 256;
      const end = random() < 0.3 ? Math.floor(random() * bytes.length) : bytes.length;
      const input = bytes.subarray(0, end);
      const fast = decodeIpPacket(input);
      const generic = decodeMessage(IpPacket, input);
      const agree =
        fast.ok && generic.ok
          ? sameDatagrams(fast.message.datagrams, generic.message.datagrams)
          : !fast.ok && !generic.ok && fast.reason === generic.reason;
      if (!agree) expect({ fast, generic }, Buffer.from(input).toString('hex')).toBe('the same result');
    }
  });
});

function sameDatagrams(a: Uint8Array[], b: Uint8Array[]): boolean {
  return a.length === b.length && a.every((d, i) => Buffer.from(d).equals(Buffer.from(b[i])));
}
