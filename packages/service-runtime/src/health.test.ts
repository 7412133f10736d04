import type { NatsConnection } from '@nats-io/transport-node';
import { HealthReply, PROTOCOL_VERSION, decodeMessage, subjects } from '@vmha/shared-proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Counters,
  closeNats,
  collectHealth,
  connectNats,
  requestHealth,
  startHealth,
  startNatsServer,
  type NatsServerHandle,
} from './index.ts';
import { captureLogger } from './testing/capture-logger.ts';

let server: NatsServerHandle;
let nc: NatsConnection;
beforeAll(async () => {
  server = await startNatsServer();
  nc = await connectNats({ servers: server.url, name: 'health-test' });
});
afterAll(async () => {
  await closeNats(nc);
  await server.stop();
});

describe('health', () => {
  it('answers on its own subject with status, uptime and counters, following status changes', async () => {
    let now = 1_000;
    const counters = new Counters();
    counters.increment('packets.in', 7);
    const health = startHealth(nc, {
      service: 'vnet',
      instance: 'a',
      counters,
      logger: captureLogger().logger,
      now: () => now,
    });
    try {
      await nc.flush();
      expect(await requestHealth(nc, 'vnet', 'a')).toMatchObject({
        protocolVersion: PROTOCOL_VERSION,
        service: 'vnet',
        instance: 'a',
        status: 'starting',
        uptimeMs: 0,
        counters: { 'packets.in': 7 },
      });
      now += 2_500;
      health.setStatus('serving');
      expect(await requestHealth(nc, 'vnet', 'a')).toMatchObject({ status: 'serving', uptimeMs: 2_500 });
      health.setStatus('draining');
      expect((await requestHealth(nc, 'vnet', 'a')).status).toBe('draining');
    } finally {
      await health.stop();
    }
  });

  it('lets health.all find every instance', async () => {
    const logger = captureLogger().logger;
    const a = startHealth(nc, { service: 'primary-vmm', instance: 'a', counters: new Counters(), logger });
    const b = startHealth(nc, { service: 'client-sim', instance: 'b', counters: new Counters(), logger });
    try {
      await nc.flush();
      const replies = await collectHealth(nc, { waitMs: 300 });
      expect(replies.map((reply) => `${reply.service}/${reply.instance}`).sort()).toEqual([
        'client-sim/b',
        'primary-vmm/a',
      ]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(await collectHealth(nc, { waitMs: 100 })).toEqual([]);
  });

  it('drops and counts garbage requests, and still answers the next good one', async () => {
    const counters = new Counters();
    const health = startHealth(nc, {
      service: 'vnet',
      instance: 'g',
      counters,
      logger: captureLogger().logger,
    });
    try {
      await nc.flush();
      const garbage = await nc
        .request(subjects.health('vnet', 'g'), Uint8Array.of(0x0f, 0x01), { timeout: 300 })
        .then(
          () => 'answered',
          () => 'no answer',
        );
      expect(garbage).toBe('no answer');
      const reply = await nc.request(subjects.health('vnet', 'g'), Uint8Array.of(0x08, PROTOCOL_VERSION), {
        timeout: 2_000,
      });
      const decoded = decodeMessage(HealthReply, reply.data);
      expect(decoded.ok && decoded.message.counters).toMatchObject({
        'health.received': 2,
        'health.dropped.malformed': 1,
      });
    } finally {
      await health.stop();
    }
  });
});
