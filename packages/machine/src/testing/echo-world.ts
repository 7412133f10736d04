/**
 * A seeded world for state-rule and replication tests: a machine running echo and counter servers on a lossy
 * SimNetwork, clients that check every byte and count, and a lockstep twin run that compares a copy's output
 * packets and digests with the original's to the end of the conversation.
 */
import { SeededRandom, SimNetwork, type TcpStack } from '@vmha/guest-tcp';
import { expect } from 'vitest';
import { Machine, type MachineConfig } from '../index.ts';
import { EchoCounterProgram } from './echo-counter-program.ts';
import { CountClient, EchoClient, MachineNode, TwinNode } from './sim-harness.ts';

const GUEST = '10.0.0.2';
const STEP_MS = 5;

export function machineConfig(seed: number): MachineConfig {
  return { address: GUEST, memoryBytes: 2 << 20, seed, nic: { rxRingSize: 64, txRingSize: 64 } };
}

export function programs(): EchoCounterProgram[] {
  return [new EchoCounterProgram('echo', 7, 'echo'), new EchoCounterProgram('count', 9, 'count')];
}

export interface World {
  net: SimNetwork;
  client: TcpStack;
  a: Machine;
  echoes: EchoClient[];
  counter: CountClient;
  rng: SeededRandom;
}

export function startWorld(seed: number): World {
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
export function advance(w: World, ms: number, check?: () => void): void {
  for (let t = 0; t < ms; t += STEP_MS) {
    for (const e of w.echoes) if (w.rng.next() < 0.5) e.send(w.rng.int(1, 4000));
    if (w.rng.next() < 0.3) w.counter.send(w.rng.int(1, 500));
    w.net.runFor(STEP_MS);
    if (check && (t / STEP_MS) % 10 === 0) check();
  }
}

/** Stops sending, lets everything be echoed, closes every connection and runs until all are gone. */
export function finish(w: World, check?: () => void): void {
  w.net.runUntil(
    () => w.echoes.every((e) => e.received === e.sent) && w.counter.totals.at(-1) === w.counter.sent,
    w.net.clock.t + 120_000,
  );
  for (const e of w.echoes) e.socket.close();
  w.counter.socket.close();
  w.net.runUntil(() => w.client.sockets().length === 0, w.net.clock.t + 600_000);
  check?.();
}

export function runTwinToEnd(
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

export function expectConversationCorrect(w: World): void {
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
