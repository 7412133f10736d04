import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runInSim } from '../host/sim-client-host.ts';
import { startFakeBulkServer } from '../testing/fake-servers.ts';
import { simulatedPair } from '../testing/simulated-pair.ts';
import { testBulkStream } from '../testing/test-bulk-stream.ts';
import type { TransferProgress } from './progress.ts';
import { startBulkDownload } from './bulk-download.ts';

const MiB = 1 << 20;

function expectedDigest(seed: number, bytes: number): string {
  const h = createHash('sha256');
  for (let at = 0; at < bytes; at += MiB) h.update(testBulkStream(seed, at, Math.min(MiB, bytes - at)));
  return h.digest('hex');
}

describe('bulk download', () => {
  it('verifies 64 MiB byte by byte over a link with 1% loss and reordering', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 5 });
    startFakeBulkServer(server, { generator: testBulkStream });
    const progress: TransferProgress[] = [];
    const run = startBulkDownload(client, {
      address: serverAddress,
      bytes: 64 * MiB,
      seed: 77,
      verify: { kind: 'bytes', bytesAt: testBulkStream },
      onProgress: (p) => progress.push(p),
      progressIntervalMs: 100,
    });
    const r = runInSim(net, run);
    expect(r.violations).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.receivedBytes).toBe(64 * MiB);
    expect(r.sha256).toBe(expectedDigest(77, 64 * MiB));
    expect(r.firstMismatchOffset).toBeUndefined();
    expect(r.throughputBytesPerSecond).toBeGreaterThan(0);
    // Progress came in order and ended at the total.
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.map((p) => p.bytes)).toEqual([...progress.map((p) => p.bytes)].sort((a, b) => a - b));
    expect(progress[progress.length - 1].bytes).toBe(64 * MiB);
    // The link really lost and reordered packets, and the stack recovered.
    expect(net.stats.lost).toBeGreaterThan(100);
    expect(net.stats.reordered).toBeGreaterThan(100);
    expect(server.stats.retransmittedSegments).toBeGreaterThan(0);
  });

  it('verifies against an expected digest alone', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 6 });
    startFakeBulkServer(server, { generator: testBulkStream });
    const run = startBulkDownload(client, {
      address: serverAddress,
      bytes: 3 * MiB + 17,
      seed: 9,
      verify: { kind: 'sha256', digest: expectedDigest(9, 3 * MiB + 17) },
    });
    const r = runInSim(net, run);
    expect(r.verified).toBe(true);
    expect(r.violations).toEqual([]);
  });

  it('reports a corrupted byte at its offset', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 7 });
    startFakeBulkServer(server, { generator: testBulkStream, corruptOffset: 5 * MiB + 12345 });
    const r = runInSim(
      net,
      startBulkDownload(client, {
        address: serverAddress,
        bytes: 8 * MiB,
        seed: 3,
        verify: { kind: 'bytes', bytesAt: testBulkStream },
      }),
    );
    expect(r.verified).toBe(false);
    expect(r.firstMismatchOffset).toBe(5 * MiB + 12345);
    expect(r.violations).toMatchObject([{ kind: 'bulk-corrupt', offset: 5 * MiB + 12345 }]);
  });

  it('reports a corrupted byte as a digest mismatch when only the digest is known', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 8, link: {} });
    startFakeBulkServer(server, { generator: testBulkStream, corruptOffset: 1000 });
    const r = runInSim(
      net,
      startBulkDownload(client, {
        address: serverAddress,
        bytes: MiB,
        seed: 3,
        verify: { kind: 'sha256', digest: expectedDigest(3, MiB) },
      }),
    );
    expect(r.verified).toBe(false);
    expect(r.violations).toMatchObject([{ kind: 'bulk-digest', expected: expectedDigest(3, MiB) }]);
  });

  it('a download stopped by its client mid-stream is reported stopped, with no violation', () => {
    const { net, client, server, serverAddress } = simulatedPair({
      seed: 4,
      link: { delayMs: 1, bandwidthMbps: 100 },
    });
    startFakeBulkServer(server, { generator: testBulkStream });
    let received = 0;
    const run = startBulkDownload(client, {
      address: serverAddress,
      bytes: 2 ** 40,
      seed: 3,
      verify: { kind: 'bytes', bytesAt: testBulkStream },
      progressIntervalMs: 1,
      onProgress: (p) => (received = p.bytes),
    });
    net.runFor(200);
    expect(received).toBeGreaterThan(0);
    client.run(() => run.stop());
    expect(run.finished).toBe(true);
    expect(run.result).toMatchObject({ stopped: true, verified: false, violations: [] });
  });

  it('reports a stream cut short by the server as truncated and unexpectedly closed', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 9, link: {} });
    // A server that sends 1000 bytes of the stream and then closes.
    const listener = server.listen(5001);
    listener.on('connection', () => {
      const s = listener.accept();
      if (!s) return;
      s.on('readable', () => {
        while (s.read() !== null);
        s.write(testBulkStream(1, 0, 1000));
        s.close();
      });
    });
    const r = runInSim(
      net,
      startBulkDownload(client, {
        address: serverAddress,
        bytes: 5000,
        seed: 1,
        verify: { kind: 'bytes', bytesAt: testBulkStream },
      }),
    );
    expect(r.verified).toBe(false);
    expect(r.violations.map((v) => v.kind).sort()).toEqual(['bulk-length', 'unexpected-close']);
    expect(r.violations.find((v) => v.kind === 'bulk-length')).toMatchObject({
      expected: 5000,
      received: 1000,
    });
  });

  it('reports a reset in mid-stream as a connection reset', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 10, link: {} });
    const listener = server.listen(5001);
    listener.on('connection', () => {
      const s = listener.accept();
      if (!s) return;
      s.on('readable', () => {
        while (s.read() !== null);
        s.write(testBulkStream(1, 0, 1000));
        s.abort();
      });
    });
    const r = runInSim(
      net,
      startBulkDownload(client, {
        address: serverAddress,
        bytes: 5000,
        seed: 1,
        verify: { kind: 'bytes', bytesAt: testBulkStream },
      }),
    );
    expect(r.verified).toBe(false);
    expect(r.violations.map((v) => v.kind)).toContain('connection-reset');
  });
});
