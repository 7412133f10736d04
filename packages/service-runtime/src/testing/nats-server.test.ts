import { jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { describe, expect, it } from 'vitest';
import { closeNats, connectNats, startNatsServer } from '../index.ts';
import { existsSync } from 'node:fs';

describe('startNatsServer', () => {
  it('runs JetStream in a temp dir that keeps KV data across a restart and is removed on stop', async () => {
    const server = await startNatsServer({ jetstream: true });
    expect(server.url).toMatch(/^nats:\/\/127\.0\.0\.1:\d+$/);
    let nc = await connectNats({ servers: server.url, name: 'js-test' });
    try {
      expect((await (await jetstreamManager(nc)).getAccountInfo()).streams).toBe(0);
      const kv = await new Kvm(nc).create('leases');
      const revision = await kv.put('vm1', 'primary-a');
      await closeNats(nc);
      await server.restart();
      nc = await connectNats({ servers: server.url, name: 'js-test-2' });
      const entry = await (await new Kvm(nc).open('leases')).get('vm1');
      expect(entry?.string()).toBe('primary-a');
      expect(entry?.revision).toBe(revision);
    } finally {
      await closeNats(nc);
      await server.stop();
    }
    expect(existsSync(server.storeDir!)).toBe(false);
  });

  it('gives each server its own port', async () => {
    const [a, b] = await Promise.all([startNatsServer(), startNatsServer()]);
    try {
      expect(a.port).not.toBe(b.port);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
