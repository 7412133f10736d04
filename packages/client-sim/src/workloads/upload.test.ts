import { describe, expect, it } from 'vitest';
import { runInSim } from '../host/sim-client-host.ts';
import { startFakeSink } from '../testing/fake-servers.ts';
import { simulatedPair } from '../testing/simulated-pair.ts';
import { startUpload } from './upload.ts';

const MiB = 1 << 20;

describe('upload to the sink', () => {
  it('is verified by the sink count over a link with 1% loss and reordering', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 21 });
    startFakeSink(server);
    const progress: number[] = [];
    const r = runInSim(
      net,
      startUpload(client, {
        address: serverAddress,
        bytes: 16 * MiB + 3,
        onProgress: (p) => progress.push(p.bytes),
        progressIntervalMs: 50,
      }),
    );
    expect(r.violations).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.bytes).toBe(16 * MiB + 3);
    expect(r.reportedCount).toBe(16 * MiB + 3);
    expect(progress.length).toBeGreaterThan(2);
    expect(net.stats.lost).toBeGreaterThan(10);
    expect(client.stack.stats.retransmittedSegments).toBeGreaterThan(0);
  });

  it('reports a sink that miscounts', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 22, link: {} });
    startFakeSink(server, { countError: -1 });
    const r = runInSim(net, startUpload(client, { address: serverAddress, bytes: MiB }));
    expect(r.verified).toBe(false);
    expect(r.reportedCount).toBe(MiB - 1);
    expect(r.violations).toMatchObject([{ kind: 'upload-count', expected: MiB, reported: `${MiB - 1}\r\n` }]);
  });

  it('reports a sink that closes without a count as a bad count and an unexpected close', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 23, link: {} });
    const listener = server.listen(9);
    listener.on('connection', () => {
      const s = listener.accept();
      s?.on('readable', () => {
        while (s.read() !== null);
        s.close();
      });
    });
    const r = runInSim(net, startUpload(client, { address: serverAddress, bytes: 8 * MiB }));
    expect(r.verified).toBe(false);
    expect(r.violations.map((v) => v.kind).sort()).toEqual(['unexpected-close', 'upload-count']);
  });
});
