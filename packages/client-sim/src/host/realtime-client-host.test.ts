/**
 * The same workloads on the real-time driver: two stacks joined by an in-process packet port pair, timers on the
 * host clock. No assertion depends on speed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeBulkServer, startFakeRespServer, startFakeSink } from '../testing/fake-servers.ts';
import { testBulkStream } from '../testing/test-bulk-stream.ts';
import { startBulkDownload } from '../workloads/bulk-download.ts';
import { startRespLoad } from '../workloads/resp-load.ts';
import { startUpload } from '../workloads/upload.ts';
import type { PacketPort } from './client-host.ts';
import { RealtimeClientHost } from './realtime-client-host.ts';

/** Two ports wired back to back; delivery is asynchronous, as on a real network. */
function portPair(): [PacketPort, PacketPort] {
  const handlers: Array<(p: Uint8Array) => void> = [() => {}, () => {}];
  const port = (side: 0 | 1): PacketPort => ({
    send: (p) => setImmediate(() => handlers[1 - side](p)),
    onPacket: (h) => (handlers[side] = h),
  });
  return [port(0), port(1)];
}

let hosts: RealtimeClientHost[] = [];
afterEach(() => {
  for (const h of hosts) h.stop();
  hosts = [];
});

function pair(): { client: RealtimeClientHost; server: RealtimeClientHost } {
  const [a, b] = portPair();
  const client = new RealtimeClientHost({ address: '10.1.0.1', seed: 1, port: a });
  const server = new RealtimeClientHost({ address: '10.1.0.2', seed: 2, port: b });
  hosts.push(client, server);
  return { client, server };
}

describe('the real-time client host', () => {
  it('runs a RESP load with a duration timer, a bulk download and an upload, all verified', async () => {
    const { client, server } = pair();
    server.run(() => {
      startFakeRespServer(server.stack);
      startFakeBulkServer(server.stack, { generator: testBulkStream });
      startFakeSink(server.stack);
    });
    const load = startRespLoad(client, {
      address: '10.1.0.2',
      connections: 20,
      stopAfter: { durationMs: 300 },
      pipeline: 4,
    });
    const bulk = startBulkDownload(client, {
      address: '10.1.0.2',
      bytes: 4 << 20,
      seed: 5,
      verify: { kind: 'bytes', bytesAt: testBulkStream },
    });
    const upload = startUpload(client, { address: '10.1.0.2', bytes: 1 << 20 });
    const [l, b, u] = await Promise.all([load.done, bulk.done, upload.done]);
    expect(l.violations).toEqual([]);
    expect(l.operations.completed).toBeGreaterThan(0);
    expect(l.connections).toMatchObject({ established: 20, lost: 0, unclosed: 0 });
    expect(b.verified).toBe(true);
    expect(u.verified).toBe(true);
  });
});
