import { createHash } from 'node:crypto';
import { SimNetwork } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import { StreamClient } from '../testing/clients.ts';
import { SimGuest } from '../testing/sim-guest.ts';
import { BulkStreamGenerator, BulkStreamVerifier, bulkStreamBytes, bulkStreamSha256 } from './bulk-stream.ts';
import { BulkStreamServer, parseStreamRequest } from './bulk-stream-server.ts';

const MiB = 1 << 20;

describe('the bulk stream generator', () => {
  it('is AES-128-CTR as documented: stream 7 matches the openssl reference digest', () => {
    // head -c 1000 /dev/zero | openssl enc -aes-128-ctr -K 0700000000000000766d686162756c6b -iv 0 | sha256sum
    expect(bulkStreamSha256(7, 1000)).toBe(
      'bd7ea9f220d1f018efe83b77e30ea4534f47c1003c57ee2a13ab4db3e3df9f9c',
    );
  });

  it('produces any range directly: every offset and length agrees with one long generation', () => {
    const whole = bulkStreamBytes(3, 0, 3 * MiB);
    for (const [offset, length] of [
      [0, 1],
      [1, 15],
      [15, 2],
      [17, 100_000],
      [MiB - 3, MiB + 7], // spans the generator's internal chunking
      [3 * MiB - 5, 5],
    ]) {
      expect(
        Buffer.compare(bulkStreamBytes(3, offset, length), whole.subarray(offset, offset + length)),
      ).toBe(0);
    }
    const seq = new BulkStreamGenerator(3, 12_345);
    expect(
      Buffer.compare(
        Buffer.concat([seq.next(10), seq.next(2 * MiB)]),
        whole.subarray(12_345, 12_345 + 10 + 2 * MiB),
      ),
    ).toBe(0);
  });

  it('differs between seeds, including seeds above 2^32', () => {
    const a = bulkStreamBytes(1, 0, 64);
    expect(Buffer.compare(a, bulkStreamBytes(2, 0, 64))).not.toBe(0);
    expect(Buffer.compare(bulkStreamBytes(2 ** 40 + 1, 0, 64), a)).not.toBe(0);
    expect(() => bulkStreamBytes(-1, 0, 1)).toThrow(RangeError);
    expect(() => bulkStreamBytes(1.5, 0, 1)).toThrow(RangeError);
  });

  it('the verifier finds the first wrong byte and hashes what it saw', () => {
    const data = bulkStreamBytes(9, 0, 100_000);
    const ok = new BulkStreamVerifier(9);
    ok.update(data.subarray(0, 40_000));
    ok.update(data.subarray(40_000));
    expect(ok.ok).toBe(true);
    expect(ok.verifiedBytes).toBe(100_000);
    expect(ok.sha256()).toBe(bulkStreamSha256(9, 100_000));
    const bad = new BulkStreamVerifier(9);
    const corrupt = Uint8Array.from(data);
    corrupt[77_777] ^= 1;
    bad.update(corrupt);
    expect(bad.firstMismatchAt).toBe(77_777);
  });
});

describe('the bulk-stream server', () => {
  function start(link = { delayMs: 2, bandwidthMbps: 1000, loss: 0.02, reorder: 0.02, duplicate: 0.01 }) {
    const net = new SimNetwork({ seed: 17, link });
    const server = new BulkStreamServer();
    SimGuest.boot(net, { address: '10.0.0.2', stack: { mslMs: 500 } }, [server]);
    const clients = net.addStack({ address: '10.0.0.1', seed: 4 });
    return { net, server, clients };
  }

  it('sends exactly the requested bytes of the seeded stream over a lossy link, verified as they arrive', () => {
    const { net, server, clients } = start();
    const verifier = new BulkStreamVerifier(42);
    const c = new StreamClient(clients, '10.0.0.2', 5001, { onData: (d) => verifier.update(d) });
    c.write('STREAM 67108864 42\r\n');
    net.runUntil(() => c.received >= 64 * MiB);
    net.runFor(1000);
    expect(c.received).toBe(64 * MiB);
    expect(verifier.ok).toBe(true);
    expect(net.stats.lost).toBeGreaterThan(100);
    expect(server.stats()).toMatchObject({ bytesSent: 64 * MiB, requests: 1, badRequests: 0 });
    expect(server.progress()).toEqual([{ socketId: 1, seed: 42, offset: 64 * MiB, remaining: 0 }]);
  });

  it('serves pipelined requests on one connection back to back, then closes after the client does', () => {
    const { net, server, clients } = start();
    const c = new StreamClient(clients, '10.0.0.2', 5001, { keep: true });
    c.write('STREAM 100000 1\r\nSTREAM 0 2\r\nstream 5 3\nSTREAM 250000 4\r\n');
    c.end();
    net.runUntil(() => c.closed);
    const expected = Buffer.concat([
      bulkStreamBytes(1, 0, 100_000),
      bulkStreamBytes(3, 0, 5),
      bulkStreamBytes(4, 0, 250_000),
    ]);
    expect(Buffer.compare(c.bytes(), expected)).toBe(0);
    expect(server.stats()).toMatchObject({ requests: 4, bytesSent: 350_005 });
  });

  it.each([
    ['garbage', 'HELLO\r\n', '-ERR expected STREAM <bytes> <seed>\r\n'],
    ['a negative size', 'STREAM -5 1\r\n', '-ERR expected STREAM <bytes> <seed>\r\n'],
    ['a size past 2^53', 'STREAM 9999999999999999 1\r\n', '-ERR byte count out of range\r\n'],
    ['a line that never ends', 'S'.repeat(300), '-ERR request line too long\r\n'],
  ])('answers %s with an error line and closes', (_name, request, reply) => {
    const { net, server, clients } = start({
      delayMs: 1,
      bandwidthMbps: 1000,
      loss: 0,
      reorder: 0,
      duplicate: 0,
    });
    const c = new StreamClient(clients, '10.0.0.2', 5001, { keep: true });
    c.write(request);
    net.runUntil(() => c.ended);
    expect(c.text()).toBe(reply);
    expect(server.stats()).toMatchObject({ badRequests: 1 });
  });

  it('parses requests strictly', () => {
    expect(parseStreamRequest('STREAM 10 7')).toEqual({ ok: true, bytes: 10, seed: 7 });
    expect(parseStreamRequest('STREAM 10 7 8').ok).toBe(false);
    expect(parseStreamRequest('STREAM  10 7').ok).toBe(false);
    expect(parseStreamRequest('STREAM 1e3 7').ok).toBe(false);
  });

  it("a client's running SHA-256 over 256 MiB of received chunks equals bulkStreamSha256", () => {
    const hash = createHash('sha256');
    const gen = new BulkStreamGenerator(5);
    for (let i = 0; i < 256; i++) hash.update(gen.next(MiB));
    expect(hash.digest('hex')).toBe(bulkStreamSha256(5, 256 * MiB));
  });
});
