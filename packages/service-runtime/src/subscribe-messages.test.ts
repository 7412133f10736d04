import type { NatsConnection } from '@nats-io/transport-node';
import { IpPacket, VipAnnouncement, decodeIpPacket, encodeIpPacket, encodeMessage } from '@vmha/shared-proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Counters,
  closeNats,
  connectNats,
  startNatsServer,
  subscribeMessages,
  type NatsServerHandle,
} from './index.ts';
import { captureLogger } from './testing/capture-logger.ts';

let server: NatsServerHandle;
let nc: NatsConnection;
beforeAll(async () => {
  server = await startNatsServer();
  nc = await connectNats({ servers: server.url, name: 'subscribe-test' });
});
afterAll(async () => {
  await closeNats(nc);
  await server.stop();
});

const garbage = [
  Uint8Array.of(0x0f, 0x00, 0x00), // malformed: field 1 with wire type 7, which does not exist
  new Uint8Array(0), // truncated (empty)
  Uint8Array.of(0x08, 0x07, 0x12, 0x01, 0x45), // wrong-version
  encodeIpPacket([new Uint8Array(40)]).subarray(0, 20), // truncated
  new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n'), // malformed ('G' = field 8, wire type 7)
];

describe('subscribeMessages', () => {
  it('counts, logs and drops garbage, and keeps delivering the good messages in order', async () => {
    const counters = new Counters();
    const logs = captureLogger();
    const delivered: number[] = [];
    let done!: () => void;
    const allDelivered = new Promise<void>((resolve) => (done = resolve));
    subscribeMessages(
      nc,
      'test.packets',
      decodeIpPacket,
      (packet) => {
        delivered.push(packet.datagrams[0][0]);
        if (delivered.length === 50) done();
      },
      { counters, logger: logs.logger, rateLimit: { burst: 3, intervalMs: 60_000 } },
    );
    await nc.flush();
    for (let i = 0; i < 50; i++) {
      nc.publish('test.packets', garbage[i % garbage.length]);
      nc.publish('test.packets', encodeIpPacket([Uint8Array.of(i, 0x45)]));
    }
    await allDelivered;
    expect(delivered).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(counters.snapshot()).toEqual({
      'IpPacket.received': 100,
      'IpPacket.dropped.malformed': 20,
      'IpPacket.dropped.truncated': 20,
      'IpPacket.dropped.wrong-version': 10,
    });
    // Rate-limited: at most 3 lines per reason however many were dropped.
    const drops = logs.lines.filter((line) => line.msg === 'dropped message');
    expect(drops.filter((line) => line.reason === 'malformed')).toHaveLength(3);
    expect(drops.filter((line) => line.reason === 'wrong-version')).toHaveLength(3);
    expect(drops[0]).toMatchObject({ level: 'warn', subject: 'test.packets', bytes: 3 });
    expect(String(drops[0].detail)).toMatch(/IpPacket/);
  });

  it('survives handlers that throw or reject: counted, logged, and the next message is still delivered', async () => {
    const counters = new Counters();
    const logs = captureLogger();
    const seen: string[] = [];
    let finished!: () => void;
    const last = new Promise<void>((resolve) => (finished = resolve));
    subscribeMessages(
      nc,
      'test.vip',
      VipAnnouncement,
      async (announcement) => {
        seen.push(announcement.vmId);
        if (announcement.vmId === 'throw') throw new Error('handler bug');
        if (announcement.vmId === 'reject') await Promise.reject(new Error('async handler bug'));
        if (announcement.vmId === 'last') finished();
      },
      { counters, logger: logs.logger },
    );
    const syncThrow = subscribeMessages(
      nc,
      'test.vip',
      VipAnnouncement,
      () => {
        throw new TypeError('sync handler bug');
      },
      { counters, logger: logs.logger, counterPrefix: 'sync' },
    );
    await nc.flush();
    for (const vmId of ['throw', 'reject', 'ok', 'last'])
      nc.publish('test.vip', encodeMessage(VipAnnouncement, { vmId }));
    await last;
    await logs.waitFor((line) => line.msg === 'message handler failed' && line.err !== undefined);
    expect(seen).toEqual(['throw', 'reject', 'ok', 'last']);
    expect(counters.get('VipAnnouncement.handler_errors')).toBe(2);
    expect(counters.get('sync.handler_errors')).toBe(4);
    expect(syncThrow.isClosed()).toBe(false);
    expect(
      logs.lines.some((line) => (line.err as { message?: string })?.message === 'sync handler bug'),
    ).toBe(true);
  });

  it('decodes with the generated class too, naming counters after it', async () => {
    const counters = new Counters();
    const logs = captureLogger();
    let got!: (datagram: Uint8Array) => void;
    const packet = new Promise<Uint8Array>((resolve) => (got = resolve));
    subscribeMessages(nc, 'test.generic', IpPacket, (message) => got(message.datagrams[0]), {
      counters,
      logger: logs.logger,
    });
    await nc.flush();
    nc.publish('test.generic', Uint8Array.of(0x08)); // cut off in protocol_version
    nc.publish('test.generic', encodeMessage(IpPacket, { datagrams: [Uint8Array.of(9, 8, 7)] }));
    expect(Array.from(await packet)).toEqual([9, 8, 7]);
    expect(counters.snapshot()).toEqual({ 'IpPacket.received': 2, 'IpPacket.dropped.truncated': 1 });
  });
});
