/**
 * The state rule for the guest's software: a guest saved mid-workload (guest memory copied, kernel saveState())
 * and restored into fresh memory, a restored kernel and new program instances that only resume(), behaves
 * exactly like the original from then on. Both are fed the same packets at the same virtual times; every output
 * packet and every page either dirties must match, to the end of the workload.
 */
import { SeededRandom, SimNetwork, type TcpStack } from '@vmha/guest-tcp';
import { GuestMemory, type GuestProgram } from '@vmha/machine';
import { describe, expect, it } from 'vitest';
import { BulkStreamVerifier } from './bulk/bulk-stream.ts';
import { BulkStreamServer } from './bulk/bulk-stream-server.ts';
import { RespServer } from './resp/resp-server.ts';
import { GuestProgramStateError } from './server/tcp-server-program.ts';
import { EchoServer } from './simple/echo-server.ts';
import { SinkServer } from './simple/sink-server.ts';
import { RespTestClient, StreamClient, replyText } from './testing/clients.ts';
import { GuestTwin } from './testing/guest-twin.ts';
import { SimGuest } from './testing/sim-guest.ts';

const MiB = 1 << 20;
const LOSSY = { delayMs: 2, bandwidthMbps: 500, loss: 0.01, reorder: 0.01, duplicate: 0.005 };

/** The guest's software, built fresh for the original and again (unbooted) for the restored copy. */
function programs(): [RespServer, BulkStreamServer, EchoServer, SinkServer] {
  return [
    new RespServer({ memoryBytes: 24 * MiB }),
    new BulkStreamServer(),
    new EchoServer(),
    new SinkServer(),
  ];
}

function bytes(seed: number, n: number): Uint8Array {
  const rng = new SeededRandom(seed);
  return Uint8Array.from({ length: n }, () => rng.nextU32() & 0xff);
}

interface World {
  net: SimNetwork;
  guest: SimGuest;
  apps: ReturnType<typeof programs>;
  clients: TcpStack;
}

function world(seed: number): World {
  const net = new SimNetwork({ seed, link: LOSSY });
  const apps = programs();
  const guest = SimGuest.boot(net, { address: '10.0.0.2', seed: 1, stack: { mslMs: 500 } }, apps);
  return { net, guest, apps, clients: net.addStack({ address: '10.0.0.1', seed: 2, mslMs: 500 }) };
}

/** Saves the guest now, restores it with new program instances, and from here drives both in lockstep. */
function snapshotAndTwin(w: World): { twin: GuestTwin; copyApps: ReturnType<typeof programs> } {
  const snapshot = w.guest.snapshot();
  const copyApps = programs();
  const fromCopy: Uint8Array[] = [];
  const copy = SimGuest.restore(snapshot, copyApps, { clock: w.net.clock, output: (p) => fromCopy.push(p) });
  return { twin: new GuestTwin(w.net, w.guest, copy, fromCopy), copyApps };
}

function expectLockstep(twin: GuestTwin): void {
  expect(twin.divergences).toEqual([]);
  expect(twin.packetsCompared).toBeGreaterThan(500);
  expect(twin.pagesCompared).toBeGreaterThan(100);
  expect(twin.copy.memory.digest()).toBe(twin.original.memory.digest());
}

describe('the state rule for guest programs', () => {
  it('RESP: restored mid-request and mid-reply, the copy continues byte-identically', () => {
    const w = world(41);
    const [resp] = w.apps;
    const writer = new RespTestClient(w.clients, '10.0.0.2');
    const uploader = new RespTestClient(w.clients, '10.0.0.2');
    const slowReader = new RespTestClient(w.clients, '10.0.0.2');
    const big = bytes(1, 2 * MiB + 17);
    const medium = bytes(2, 300 * 1024);

    expect(slowReader.call(w.net, ['SET', 'medium', medium], ['SET', 'ttl', 'x', 'PX', '4000'])).toEqual([
      '+OK',
      '+OK',
    ]);
    for (let i = 0; i < 300; i++) {
      writer.command('INCR', 'n');
      writer.command('SET', `k${i}`, `v${i}`);
    }
    slowReader.stream.paused = true;
    for (let i = 0; i < 60; i++) slowReader.command('GET', 'medium');
    const frame = Buffer.concat([
      Buffer.from(`*3\r\n$3\r\nSET\r\n$3\r\nbig\r\n$${big.length}\r\n`),
      Buffer.from(big),
      Buffer.from('\r\n'),
    ]);
    uploader.raw(frame.subarray(0, MiB)); // half a request, held in guest memory at the snapshot
    w.net.runFor(1500);

    const states = resp.connectionStates();
    expect(states.some((s) => s.inputBytes > 0)).toBe(true); // a partial request is in guest memory
    expect(states.some((s) => s.outputBytes > 0)).toBe(true); // so are replies the socket could not take
    const { twin, copyApps } = snapshotAndTwin(w);

    uploader.raw(frame.subarray(MiB));
    uploader.command('GET', 'big');
    for (let i = 0; i < 300; i++) {
      writer.command('INCR', 'n');
      writer.command('GET', `k${i}`);
    }
    slowReader.stream.resume();
    w.net.runFor(5000); // the PX 4000 key expires in between
    writer.command('GET', 'ttl');
    writer.command('DBSIZE');
    w.net.runUntil(
      () =>
        writer.replies.length === 1202 && uploader.replies.length === 2 && slowReader.replies.length === 62,
    );

    expect(replyText(uploader.replies[0])).toBe('+OK');
    const got = uploader.replies[1];
    expect(got.type === 'bulk' && Buffer.compare(got.value!, big)).toBe(0);
    expect(
      slowReader.replies.slice(2).every((r) => r.type === 'bulk' && Buffer.compare(r.value!, medium) === 0),
    ).toBe(true);
    expect(writer.replies.slice(-2).map(replyText)).toEqual(['$nil', ':303']); // medium, n, k0..k299, big: the expired key is gone
    expect(replyText(writer.replies[1198])).toBe(':600');
    expectLockstep(twin);
    expect(copyApps[0].stats()).toEqual(resp.stats());
    expect(resp.stats().internalErrors).toBe(0);
  });

  it.each([30, 60, 200])(
    'bulk stream, echo and sink: restored %i ms into the transfer, the copy sends exactly the rest',
    (atMs) => {
      const w = world(43);
      const [, bulk, echo, sink] = w.apps;
      const verifier = new BulkStreamVerifier(99);
      const download = new StreamClient(w.clients, '10.0.0.2', 5001, { onData: (d) => verifier.update(d) });
      download.write('STREAM 20000000 99\r\n');
      const echoed = new StreamClient(w.clients, '10.0.0.2', 7, { keep: true });
      const echoData = bytes(3, 3 * MiB);
      echoed.write(echoData);
      const upload = new StreamClient(w.clients, '10.0.0.2', 9, { keep: true });
      upload.write(new Uint8Array(5 * MiB).fill(7));
      w.net.runFor(atMs);

      const [progress] = bulk.progress();
      expect(progress.offset).toBeGreaterThan(0); // mid-transfer at the snapshot
      expect(progress.remaining).toBeGreaterThan(0);
      const { twin, copyApps } = snapshotAndTwin(w);

      download.write('STREAM 1000 5\r\n'); // a second request on the same connection, after the first
      echoed.end();
      upload.end();
      w.net.runUntil(() => verifier.verifiedBytes >= 20_001_000 && echoed.closed && upload.closed);
      download.end();
      w.net.runUntil(() => download.closed);

      expect(verifier.verifiedBytes).toBe(20_001_000);
      expect(verifier.firstMismatchAt).toBe(20_000_000); // the second stream (seed 5) follows seed 99's bytes
      expect(Buffer.compare(echoed.bytes(), echoData)).toBe(0);
      expect(upload.text()).toBe(`${5 * MiB}\r\n`);
      expectLockstep(twin);
      expect(copyApps[1].stats()).toEqual(bulk.stats());
      expect(copyApps[2].stats()).toEqual(echo.stats());
      expect(copyApps[3].stats()).toEqual(sink.stats());
    },
  );

  it('resume() refuses a region that holds no state of that program, saying why', () => {
    const w = world(45);
    const snapshot = w.guest.snapshot();
    const driver = { clock: w.net.clock, output: () => undefined };
    // Programs in a different order: each finds another program's root in its region.
    const swapped: GuestProgram[] = [
      new RespServer({ memoryBytes: 24 * MiB }),
      new EchoServer(),
      new BulkStreamServer(),
      new SinkServer(),
    ];
    expect(() => SimGuest.restore(snapshot, swapped, driver)).toThrow(GuestProgramStateError);
    const blank = new RespServer({ memoryBytes: 1 << 20 });
    const memory = new GuestMemory(1 << 20);
    memory.fill(0, 16, 0xee);
    expect(() =>
      blank.resume({ memory, region: { base: 0, size: 1 << 20 }, stack: w.guest.stack, now: () => 0 }),
    ).toThrow(/no guest heap/);
  });
});
