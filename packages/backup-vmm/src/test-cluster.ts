/**
 * What the in-process replication tests share: one guest's shape and timing, a polling wait, and a real
 * nats-server with JetStream whose connections are closed after the suite. Not part of the package's API.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { standardGuestImage } from '@vmha/primary-vmm';
import { startNatsServer } from '@vmha/service-runtime';
import { afterAll, beforeAll } from 'vitest';

export const VIP = '10.0.0.2';
export const CLIENT = '10.0.0.100';
export const TIMING = { epochMs: 25, heartbeatMs: 50, failureTimeoutMs: 500 };
export const MEMORY = 64 << 20;
export const image = () => standardGuestImage({ respMemoryBytes: 8 << 20 });

export async function until(cond: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts nats-server (JetStream) before the suite and stops it after; returns a connection factory. */
export function useNatsServer(): () => Promise<NatsConnection> {
  let server: Awaited<ReturnType<typeof startNatsServer>>;
  const conns: NatsConnection[] = [];
  beforeAll(async () => {
    server = await startNatsServer({ jetstream: true });
  });
  afterAll(async () => {
    for (const c of conns) await c.close().catch(() => undefined);
    await server?.stop();
  });
  return async () => {
    const c = await connect({ servers: server.url });
    conns.push(c);
    return c;
  };
}
