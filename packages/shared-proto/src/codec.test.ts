import { describe, expect, it } from 'vitest';
import {
  CheckpointChunk,
  CheckpointKind,
  HealthReply,
  HealthRequest,
  IpPacket,
  PROTOCOL_VERSION,
  VipAnnouncement,
  VmStatus,
  decodeMessage,
  encodeMessage,
  encodeMessageWithPayload,
} from './index.ts';

/** A message encoded with the generated code as-is, so tests can write any version (or none). */
function rawHealthReply(fields: Parameters<typeof HealthReply.encode>[0]): Uint8Array {
  return HealthReply.encode(fields).finish();
}

describe('encodeMessage / decodeMessage', () => {
  it('round-trips every message type, stamped with the protocol version', () => {
    const datagram = Uint8Array.from({ length: 1500 }, (_, i) => i & 0xff);
    const packet = decodeMessage(IpPacket, encodeMessage(IpPacket, { datagrams: [datagram] }));
    expect(packet).toMatchObject({ ok: true, message: { protocolVersion: PROTOCOL_VERSION } });
    expect(packet.ok && packet.message.datagrams.map((d) => Array.from(d))).toEqual([Array.from(datagram)]);

    const vip = decodeMessage(
      VipAnnouncement,
      encodeMessage(VipAnnouncement, {
        vmId: 'vm1',
        address: '10.0.0.2',
        owner: 'primary-vmm/a',
        leaseRevision: 7,
      }),
    );
    expect(vip).toMatchObject({
      ok: true,
      message: {
        protocolVersion: PROTOCOL_VERSION,
        vmId: 'vm1',
        address: '10.0.0.2',
        owner: 'primary-vmm/a',
        leaseRevision: 7,
      },
    });

    expect(decodeMessage(HealthRequest, encodeMessage(HealthRequest, {}))).toMatchObject({
      ok: true,
      message: { protocolVersion: PROTOCOL_VERSION },
    });

    const reply = decodeMessage(
      HealthReply,
      encodeMessage(HealthReply, {
        service: 'vnet',
        instance: 'a',
        status: 'serving',
        uptimeMs: 2 ** 40 + 3,
        counters: { 'dropped.garbage': 2, ratio: 0.5 },
      }),
    );
    expect(reply).toMatchObject({
      ok: true,
      message: { service: 'vnet', instance: 'a', status: 'serving', uptimeMs: 2 ** 40 + 3 },
    });
    expect(reply.ok && reply.message.counters).toEqual({ 'dropped.garbage': 2, ratio: 0.5 });

    const status = decodeMessage(
      VmStatus,
      encodeMessage(VmStatus, {
        vmId: 'vm1',
        mode: 'native',
        owner: 'primary-vmm/a',
        virtualTimeMs: 1234.5,
        address: '10.0.0.2',
        counters: { packetsIn: 10 },
      }),
    );
    expect(status).toMatchObject({
      ok: true,
      message: {
        vmId: 'vm1',
        mode: 'native',
        virtualTimeMs: 1234.5,
        address: '10.0.0.2',
        counters: { packetsIn: 10 },
      },
    });
  });

  it('a message with its payload appended decodes exactly as the generated encoding of the same fields', () => {
    const fields = {
      vmId: 'vm1',
      streamId: 's-1',
      kind: CheckpointKind.CHECKPOINT_KIND_EPOCH,
      epoch: 2 ** 40 + 7,
      baseEpoch: 2 ** 40 + 6,
      chunkIndex: 3,
      chunkCount: 9,
      bodyBytes: 4_000_000,
      dataCrc32: 0xdeadbeef,
      leaseRevision: 12,
    };
    for (const size of [0, 1, 127, 128, 16_383, 16_384, 524_288]) {
      const data = Uint8Array.from({ length: size }, (_, i) => (i * 31 + size) & 0xff);
      const ours = decodeMessage(
        CheckpointChunk,
        encodeMessageWithPayload(CheckpointChunk, fields, 11, data),
      );
      const generated = decodeMessage(CheckpointChunk, encodeMessage(CheckpointChunk, { ...fields, data }));
      expect(ours.ok && generated.ok, `size ${size}`).toBe(true);
      if (!ours.ok || !generated.ok) continue;
      expect(Buffer.compare(ours.message.data, data), `size ${size}: payload`).toBe(0);
      expect({ ...ours.message, data: undefined }).toEqual({ ...generated.message, data: undefined });
    }
    expect(() => encodeMessageWithPayload(CheckpointChunk, fields, 1, new Uint8Array(1))).toThrow(RangeError);
  });

  it('decodes 64-bit fields as plain numbers, including absent ones', () => {
    const absent = decodeMessage(VipAnnouncement, encodeMessage(VipAnnouncement, { vmId: 'vm1' }));
    expect(absent.ok && absent.message.leaseRevision).toBe(0);
    const large = decodeMessage(
      VipAnnouncement,
      encodeMessage(VipAnnouncement, { leaseRevision: 2 ** 53 - 1 }),
    );
    expect(large.ok && large.message.leaseRevision).toBe(2 ** 53 - 1);
    expect(typeof new VipAnnouncement().leaseRevision).toBe('number');
  });

  it('reports an empty message as truncated', () => {
    expect(decodeMessage(HealthRequest, new Uint8Array(0))).toMatchObject({ ok: false, reason: 'truncated' });
  });

  it('reports another protocol version as wrong-version without decoding the rest', () => {
    // A newer version first, followed by bytes that are not valid in our layout.
    const future = Uint8Array.of(0x08, PROTOCOL_VERSION + 1, 0xff, 0xff, 0xff);
    expect(decodeMessage(HealthReply, future)).toMatchObject({ ok: false, reason: 'wrong-version' });
    const result = decodeMessage(HealthReply, rawHealthReply({ protocolVersion: 300, service: 'x' }));
    expect(result).toEqual({
      ok: false,
      reason: 'wrong-version',
      detail: `HealthReply: protocol_version 300, expected ${PROTOCOL_VERSION}`,
    });
  });

  it('checks the version wherever another encoder put it', () => {
    // service (field 2) before protocol_version (field 1): valid protobuf, version found after a full decode.
    const service = Uint8Array.of(0x12, 0x01, 0x73);
    expect(decodeMessage(HealthReply, Uint8Array.of(...service, 0x08, PROTOCOL_VERSION))).toMatchObject({
      ok: true,
      message: { service: 's' },
    });
    expect(decodeMessage(HealthReply, Uint8Array.of(...service, 0x08, 0x05))).toMatchObject({
      ok: false,
      reason: 'wrong-version',
    });
  });

  it('reports a message without protocol_version as malformed', () => {
    expect(decodeMessage(HealthReply, rawHealthReply({ service: 'no-version' }))).toMatchObject({
      ok: false,
      reason: 'malformed',
      detail: 'HealthReply: no protocol_version',
    });
  });

  it('reports a message cut inside a field as truncated', () => {
    const bytes = encodeMessage(HealthReply, { service: 'health-service', instance: 'i' });
    expect(decodeMessage(HealthReply, bytes.subarray(0, 6))).toMatchObject({
      ok: false,
      reason: 'truncated',
    });
    expect(decodeMessage(HealthReply, Uint8Array.of(0x08))).toMatchObject({ ok: false, reason: 'truncated' });
    expect(decodeMessage(HealthReply, Uint8Array.of(0x08, 0x81))).toMatchObject({
      ok: false,
      reason: 'truncated',
    });
  });

  it('reports bad varints and impossible wire types as malformed', () => {
    const tooLong = Uint8Array.of(0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01);
    expect(decodeMessage(HealthReply, tooLong)).toMatchObject({ ok: false, reason: 'malformed' });
    // Field 3 with wire type 7, which does not exist.
    expect(decodeMessage(HealthReply, Uint8Array.of(0x08, PROTOCOL_VERSION, 0x1f))).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });

  it('reports input that is not a byte array as malformed', () => {
    expect(decodeMessage(HealthReply, 'text' as unknown as Uint8Array)).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });

  it('skips unknown fields, so a newer minor addition does not break an older reader', () => {
    const withExtra = Uint8Array.of(...encodeMessage(HealthRequest, {}), 0x78, 0x2a); // field 15 = 42
    expect(decodeMessage(HealthRequest, withExtra)).toMatchObject({
      ok: true,
      message: { protocolVersion: PROTOCOL_VERSION },
    });
  });
});
