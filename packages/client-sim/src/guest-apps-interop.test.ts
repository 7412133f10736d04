/**
 * The workloads against the real guest programs of @vmha/guest-apps (booted standalone on a simulated server
 * stack, no emulated machine), over the lossy link: client and servers agree on every protocol detail.
 */
import { BulkStreamServer, RespServer, SinkServer, bootStandalone, bulkStreamSha256 } from '@vmha/guest-apps';
import { describe, expect, it } from 'vitest';
import { runInSim } from './host/sim-client-host.ts';
import { simulatedPair } from './testing/simulated-pair.ts';
import { startBulkDownload } from './workloads/bulk-download.ts';
import { startRespLoad } from './workloads/resp-load.ts';
import { startUpload } from './workloads/upload.ts';

const MiB = 1 << 20;

function guestPair(seed: number): ReturnType<typeof simulatedPair> {
  const pair = simulatedPair({ seed });
  const host = { stack: pair.server, now: () => pair.net.clock.now() };
  bootStandalone(new RespServer(), host);
  bootStandalone(new BulkStreamServer(), host);
  bootStandalone(new SinkServer(), host);
  return pair;
}

describe('client-sim against the guest-apps servers', () => {
  it('downloads a bulk stream verified against the guest-apps generator', () => {
    const { net, client, serverAddress } = guestPair(51);
    const r = runInSim(
      net,
      startBulkDownload(client, { address: serverAddress, bytes: 16 * MiB, seed: 2 ** 40 + 3 }),
    );
    expect(r.violations).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.sha256).toBe(bulkStreamSha256(2 ** 40 + 3, 16 * MiB));
  });

  it('uploads to the sink and gets the exact count back', () => {
    const { net, client, serverAddress } = guestPair(52);
    const r = runInSim(net, startUpload(client, { address: serverAddress, bytes: 4 * MiB + 1 }));
    expect(r.violations).toEqual([]);
    expect(r.reportedCount).toBe(4 * MiB + 1);
  });

  it('runs a RESP load of 200 connections with zero violations', () => {
    const { net, client, serverAddress } = guestPair(53);
    const r = runInSim(
      net,
      startRespLoad(client, {
        address: serverAddress,
        connections: 200,
        stopAfter: { operations: 10_000 },
        pipeline: 2,
        keySpace: 500,
        counterKeys: 20,
      }),
    );
    expect(r.violations).toEqual([]);
    expect(r.operations).toMatchObject({ completed: 10_000, failed: 0, errorReplies: 0 });
    expect(r.verification).toMatchObject({ countersRead: 20 });
    expect(r.connections).toMatchObject({ established: 200, lost: 0, unclosed: 0 });
  });
});
