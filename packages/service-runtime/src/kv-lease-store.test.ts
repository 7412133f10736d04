import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKvStore, startNatsServer } from './index.ts';

describe('KV store on JetStream', () => {
  let server: Awaited<ReturnType<typeof startNatsServer>>;
  let a: NatsConnection;
  let b: NatsConnection;
  beforeAll(async () => {
    server = await startNatsServer({ jetstream: true });
    a = await connect({ servers: server.url });
    b = await connect({ servers: server.url });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.stop();
  });

  it('creates once, and of two compare-and-swaps from the same revision exactly one wins', async () => {
    const sa = await openKvStore(a, 'test_leases');
    const sb = await openKvStore(b, 'test_leases');
    expect(await sa.get('vm1')).toBeUndefined();
    const r1 = await sa.create('vm1', 'primary');
    await expect(sb.create('vm1', 'other')).rejects.toThrow();
    expect(await sb.get('vm1')).toEqual({ value: 'primary', revision: r1 });
    const results = await Promise.allSettled([sa.update('vm1', 'a', r1), sb.update('vm1', 'b', r1)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const winner = results[0].status === 'fulfilled' ? 'a' : 'b';
    const now = await sa.get('vm1');
    expect(now?.value).toBe(winner);
    expect(now!.revision).toBeGreaterThan(r1);
  });
});
