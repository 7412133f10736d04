/**
 * The proof of the state rule: a machine saved mid-conversation (full save, or full save plus a chain of deltas)
 * and restored into a fresh machine, then fed the same packets at the same virtual times as the original,
 * produces byte-identical output packets and byte-identical memory and record digests, to the end.
 */
import { SeededRandom, SimNetwork, type TcpStack } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import { Machine, type MachineConfig, type MachineDigest } from './index.ts';
import { EchoCounterProgram } from './testing/echo-counter-program.ts';
import { CountClient, EchoClient, MachineNode, TwinNode } from './testing/sim-harness.ts';

const GUEST = '10.0.0.2';
const STEP_MS = 5;

function machineConfig(seed: number): MachineConfig {
  return { address: GUEST, memoryBytes: 2 << 20, seed, nic: { rxRingSize: 64, txRingSize: 64 } };
}

function programs(): EchoCounterProgram[] {
  return [new EchoCounterProgram('echo', 7, 'echo'), new EchoCounterProgram('count', 9, 'count')];
}

interface World {
  net: SimNetwork;
  client: TcpStack;
  a: Machine;
  echoes: EchoClient[];
  counter: CountClient;
  rng: SeededRandom;
}

function startWorld(seed: number): World {
  const net = new SimNetwork({
    seed,
    link: { delayMs: 1, bandwidthMbps: 100, loss: 0.02, reorder: 0.02, duplicate: 0.01 },
  });
  const client = net.addStack({ address: '10.0.0.1', seed: seed + 1 });
  const a = Machine.create(machineConfig(seed + 2), programs());
  net.attach(new MachineNode(net, a));
  const echoes = [0, 1, 2].map((i) => new EchoClient(client, GUEST, 7, seed * 10 + i));
  const counter = new CountClient(client, GUEST, 9);
  return { net, client, a, echoes, counter, rng: new SeededRandom(seed + 3) };
}

/** Runs the world for `ms` in 5 ms steps; at each step every client may send a chunk of seeded size. */
function advance(w: World, ms: number, check?: () => void): void {
  for (let t = 0; t < ms; t += STEP_MS) {
    for (const e of w.echoes) if (w.rng.next() < 0.5) e.send(w.rng.int(1, 4000));
    if (w.rng.next() < 0.3) w.counter.send(w.rng.int(1, 500));
    w.net.runFor(STEP_MS);
    if (check && (t / STEP_MS) % 10 === 0) check();
  }
}

/** Stops sending, lets everything be echoed, closes every connection and runs until all are gone. */
function finish(w: World, check?: () => void): void {
  w.net.runUntil(
    () => w.echoes.every((e) => e.received === e.sent) && w.counter.totals.at(-1) === w.counter.sent,
    w.net.clock.t + 120_000,
  );
  for (const e of w.echoes) e.socket.close();
  w.counter.socket.close();
  w.net.runUntil(() => w.client.sockets().length === 0, w.net.clock.t + 600_000);
  check?.();
}

/** Pauses A, takes a save, records A's digest at that instant, resumes A. */
function checkpoint(
  a: Machine,
  save: () => Uint8Array,
): { bytes: Uint8Array; digest: MachineDigest; dirtyPages: number; nonZeroPages: number } {
  a.pause();
  const dirtyPages = a.counters().dirtyPages;
  const bytes = save();
  const digest = a.digest();
  let nonZeroPages = 0;
  for (let p = 0; p < a.memory.pageCount; p++) if (!a.memory.isZeroPage(p)) nonZeroPages++;
  a.resume();
  return { bytes, digest, dirtyPages, nonZeroPages };
}

function runTwinToEnd(
  w: World,
  b: Machine,
): { twin: TwinNode; digestChecks: number; digestMismatches: string[] } {
  const twin = new TwinNode(w.net, w.a, b);
  w.net.attach(twin);
  let digestChecks = 0;
  const digestMismatches: string[] = [];
  const compare = (): void => {
    digestChecks++;
    const da = w.a.digest();
    const db = b.digest();
    if (da.memory !== db.memory || da.records !== db.records) digestMismatches.push(`at ${w.net.clock.t} ms`);
  };
  advance(w, 1000, compare);
  finish(w, compare);
  return { twin, digestChecks, digestMismatches };
}

function expectConversationCorrect(w: World): void {
  for (const e of w.echoes) {
    expect(e.sent).toBeGreaterThan(10_000);
    expect(e.received).toBe(e.sent);
    expect(e.mismatches).toBe(0);
  }
  expect(w.counter.totals.length).toBeGreaterThan(5);
  for (let i = 1; i < w.counter.totals.length; i++)
    expect(w.counter.totals[i]).toBeGreaterThan(w.counter.totals[i - 1]);
  expect(w.counter.totals.at(-1)).toBe(w.counter.sent);
}

describe('the state rule', () => {
  it('a machine restored from a full save and fed the same inputs emits byte-identical packets and keeps identical digests', () => {
    const w = startWorld(11);
    advance(w, 150);
    const full = checkpoint(w.a, () => w.a.saveFull());
    const restoredPrograms = programs();
    const b = Machine.restore(full.bytes, restoredPrograms);
    expect(b.digest()).toEqual(full.digest);
    expect(b.runState).toEqual({ kind: 'paused' });
    expect(b.virtualNow()).toBe(w.a.virtualNow());
    expect(restoredPrograms.map((p) => [p.boots, p.resumes])).toEqual([
      [0, 1],
      [0, 1],
    ]);
    b.resume();

    const r = runTwinToEnd(w, b);
    expect(r.twin.divergences).toEqual([]);
    expect(r.twin.comparedPackets).toBeGreaterThan(500);
    expect(r.digestMismatches).toEqual([]);
    expect(r.digestChecks).toBeGreaterThan(5);
    expect(b.digest()).toEqual(w.a.digest());
    expectConversationCorrect(w);
    // The restored server carried on from the saved state: its totals in guest memory cover the whole run.
    const [echoRegion] = b.regions();
    const echoed = w.echoes.reduce((s, e) => s + e.sent, 0);
    expect(EchoCounterProgram.inspect({ memory: b.memory, region: echoRegion })).toMatchObject({
      totalBytes: echoed,
      accepted: 3,
      openSlots: 0,
    });
  });

  it('after a full save and a chain of deltas, the restored machine matches at every save and in lockstep afterwards', () => {
    const w = startWorld(23);
    advance(w, 100);
    const full = checkpoint(w.a, () => w.a.saveFull());
    const deltas: Array<ReturnType<typeof checkpoint>> = [];
    for (let i = 0; i < 3; i++) {
      advance(w, 60 + 20 * i);
      deltas.push(checkpoint(w.a, () => w.a.saveIncremental()));
    }
    // A delta carries exactly the pages dirtied since the previous save; the full save only non-zero pages.
    const fullInfo = Machine.inspectSnapshot(full.bytes);
    expect(fullInfo.pages).toBe(full.nonZeroPages);
    expect(fullInfo.pages).toBeLessThan(w.a.memory.pageCount);
    for (const [i, d] of deltas.entries()) {
      const info = Machine.inspectSnapshot(d.bytes);
      expect(info).toMatchObject({ kind: 'incremental', chainId: fullInfo.chainId, seq: i + 1 });
      expect(info.pages).toBe(d.dirtyPages);
      expect(info.pages).toBeGreaterThan(0);
    }

    const restoredPrograms = programs();
    const b = Machine.restore(full.bytes, restoredPrograms);
    expect(b.digest()).toEqual(full.digest);
    for (const d of deltas) {
      b.applyIncremental(d.bytes);
      expect(b.digest()).toEqual(d.digest);
    }
    expect(restoredPrograms[0].resumes).toBe(1 + deltas.length);
    expect(b.chainPosition()).toMatchObject({ kind: 'replica', seq: 3 });
    b.resume();

    const r = runTwinToEnd(w, b);
    expect(r.twin.divergences).toEqual([]);
    expect(r.twin.comparedPackets).toBeGreaterThan(500);
    expect(r.digestMismatches).toEqual([]);
    expect(b.digest()).toEqual(w.a.digest());
    expectConversationCorrect(w);
  });

  it('a replica restored from the same chain twice is the same machine both times', () => {
    const w = startWorld(31);
    advance(w, 120);
    const full = checkpoint(w.a, () => w.a.saveFull());
    advance(w, 50);
    const d1 = checkpoint(w.a, () => w.a.saveIncremental());
    const restore = (): Machine => {
      const m = Machine.restore(full.bytes, programs());
      m.applyIncremental(d1.bytes);
      return m;
    };
    const b1 = restore();
    const b2 = restore();
    expect(b1.digest()).toEqual(b2.digest());
    expect(b1.digest()).toEqual(d1.digest);
  });
});
