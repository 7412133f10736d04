import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeNats, connectNats, startNatsServer, type NatsServerHandle } from './index.ts';
import { captureLogger } from './testing/capture-logger.ts';

let server: NatsServerHandle;
beforeAll(async () => {
  server = await startNatsServer({ jetstream: true });
});
afterAll(() => server?.stop());

/** Resolves with the next message on `subject`. */
function nextMessage(nc: NatsConnection, subject: string): Promise<string> {
  return new Promise((resolve) => {
    nc.subscribe(subject, { max: 1, callback: (_err, msg) => resolve(msg.string()) });
  });
}

describe('connectNats', () => {
  it('reconnects after nats-server restarts, logging the disconnect and the reconnect, and keeps subscriptions', async () => {
    const logs = captureLogger();
    const nc = await connectNats({ servers: server.url, name: 'reconnect-test', logger: logs.logger });
    const publisherLogs = captureLogger();
    const publisher = await connectNats({
      servers: server.url,
      name: 'publisher',
      logger: publisherLogs.logger,
    });
    try {
      const received: string[] = [];
      nc.subscribe('test.reconnect', { callback: (_err, msg) => void received.push(msg.string()) });
      await nc.flush();

      await server.restart();
      await logs.waitFor((line) => line.msg === 'disconnected from NATS');
      await logs.waitFor((line) => line.msg === 'reconnected to NATS');
      await publisherLogs.waitFor((line) => line.msg === 'reconnected to NATS');
      const delivered = nextMessage(nc, 'test.after-restart');
      await nc.flush();
      publisher.publish('test.reconnect', 'after restart');
      publisher.publish('test.after-restart', 'done');
      expect(await delivered).toBe('done');
      expect(received).toEqual(['after restart']);
      expect(nc.isClosed()).toBe(false);
    } finally {
      await closeNats(publisher);
      await closeNats(nc);
    }
    await logs.waitFor((line) => line.msg === 'NATS connection closed');
  });

  it('waits for a server that is not up yet when the service starts first', async () => {
    const late = await startNatsServer();
    const port = late.port;
    await late.kill();
    const connecting = connectNats({
      servers: `nats://127.0.0.1:${port}`,
      name: 'early',
      reconnectTimeWaitMs: 50,
    });
    await late.restart();
    const nc = await connecting;
    try {
      expect(nc.getServer()).toBe(`127.0.0.1:${port}`);
    } finally {
      await closeNats(nc);
      await late.stop();
    }
  });

  it('drains on close, so messages already published are delivered', async () => {
    const consumer = await connectNats({ servers: server.url, name: 'consumer' });
    const producer = await connectNats({ servers: server.url, name: 'producer' });
    const got: number[] = [];
    consumer.subscribe('test.drain', { callback: (_err, msg) => void got.push(Number(msg.string())) });
    await consumer.flush();
    for (let i = 0; i < 100; i++) producer.publish('test.drain', String(i));
    await closeNats(producer);
    await consumer.flush();
    await closeNats(consumer);
    expect(got).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // Closing twice is harmless.
    await closeNats(consumer);
  });
});
