/**
 * The TCP testbed of the speculative-communication paper (Gerofi & Ishikawa, VEE 2012), on virtual time: one
 * guest (the standard image's bulk stream and RESP servers) behind a SimulatedVmm in a replication mode, one
 * client stack (client-sim's workloads and checkers) across an emulated link of a bandwidth, an RTT and a loss
 * rate. Experiments return what the client measured; every byte is checked on the way.
 */
import {
  RESP_PORT,
  SimClientHost,
  startBulkDownload,
  startRespLoad,
  type BulkDownloadResult,
  type RespLoadResult,
} from '@vmha/client-sim';
import { BulkStreamServer, RespServer } from '@vmha/guest-apps';
import { SimNetwork, type LinkOptions } from '@vmha/guest-tcp';
import { Machine } from '@vmha/machine';
import type { CheckpointCosts, ReplicationLinkOptions } from './checkpoint-pipeline.ts';
import type { ReplicationMode } from './replication-mode.ts';
import { SimulatedVmm, type SimulatedVmmStats } from './simulated-vmm.ts';

export const GUEST_ADDRESS = '10.7.0.2';
export const CLIENT_ADDRESS = '10.7.0.100';

export interface ClientLinkOptions {
  /** Round-trip propagation delay (half each way). */
  rttMs: number;
  /** Loss probability in percent, each direction. */
  lossPct: number;
  /** Undefined: no bandwidth limit. */
  bandwidthMbps?: number;
  /**
   * The queue in front of the bottleneck. Default 16 MiB, more than any window here: the 1 Gbit/s link is the
   * sending host's own NIC, whose queue pushes back rather than drops (so `native` runs at link speed and only
   * the link's random loss drops packets).
   */
  queueBytes?: number;
}

export interface TestbedOptions {
  mode: ReplicationMode;
  epochMs?: number;
  link: ClientLinkOptions;
  replicationLink?: ReplicationLinkOptions;
  costs?: CheckpointCosts;
  /** Seeds the link's losses and both stacks; default 1. */
  seed?: number;
  /** Guest memory; default 64 MiB. */
  memoryBytes?: number;
  speculationBufferBytes?: number;
}

export interface Testbed {
  net: SimNetwork;
  vmm: SimulatedVmm;
  client: SimClientHost;
}

export function createTestbed(o: TestbedOptions): Testbed {
  const seed = o.seed ?? 1;
  const { rttMs, lossPct, bandwidthMbps, queueBytes } = o.link;
  if (!(rttMs >= 0)) throw new RangeError(`link rttMs must be >= 0, got ${rttMs}`);
  if (!(lossPct >= 0 && lossPct < 100))
    throw new RangeError(`link lossPct must be in [0, 100), got ${lossPct}`);
  const link: LinkOptions = {
    delayMs: rttMs / 2,
    loss: lossPct / 100,
    bandwidthMbps,
    queueBytes: queueBytes ?? 16 << 20,
  };
  const net = new SimNetwork({ seed, link });
  const machine = Machine.create(
    {
      address: GUEST_ADDRESS,
      memoryBytes: o.memoryBytes ?? 64 << 20,
      seed: seed + 1,
      // Rings that hold a whole 4 MiB window: the VMM drains them between slices, and the guest's stack, like one
      // without TSQ, drops what a full ring cannot take.
      nic: { rxRingSize: 4096, txRingSize: 4096 },
      // A replication-aware guest kernel (the paper's modified Linux) in that mode; otherwise the default CUBIC.
      ...(o.mode === 'speculative+racc' ? { tcp: { congestionControl: 'racc' } } : {}),
    },
    [new RespServer({ memoryBytes: 8 << 20 }), new BulkStreamServer()],
  );
  const vmm = new SimulatedVmm({
    net,
    machine,
    mode: o.mode,
    epochMs: o.epochMs,
    replicationLink: o.replicationLink,
    costs: o.costs,
    speculationBufferBytes: o.speculationBufferBytes,
  });
  const client = new SimClientHost(net, { address: CLIENT_ADDRESS, seed: seed + 2 });
  return { net, vmm, client };
}

export interface BulkThroughput {
  /** Goodput the client saw over the measured window (after the warm-up), in MB/s (10^6 bytes). */
  throughputMBps: number;
  measuredBytes: number;
  /** The client's checks: every byte received matched the stream. */
  violations: BulkDownloadResult['violations'];
  vmm: SimulatedVmmStats;
  /** Virtual time simulated, and the wall time it took. */
  virtualMs: number;
  wallMs: number;
}

/** A bulk download from the guest: goodput over `measureMs` after `warmupMs` (virtual). */
export function measureBulkThroughput(
  o: TestbedOptions & { warmupMs: number; measureMs: number },
): BulkThroughput {
  const wall0 = performance.now();
  const { net, vmm, client } = createTestbed(o);
  let received = 0;
  const run = client.run(() =>
    startBulkDownload(client, {
      address: GUEST_ADDRESS,
      bytes: Number.MAX_SAFE_INTEGER,
      seed: 7,
      progressIntervalMs: 1,
      onProgress: (p) => (received = p.bytes),
    }),
  );
  net.runFor(o.warmupMs);
  const before = received;
  net.runFor(o.measureMs);
  const measuredBytes = received - before;
  client.run(() => run.stop());
  const result = run.result;
  return {
    throughputMBps: measuredBytes / 1e6 / (o.measureMs / 1000),
    measuredBytes,
    violations: result?.violations ?? [],
    vmm: vmm.stats,
    virtualMs: net.clock.now(),
    wallMs: performance.now() - wall0,
  };
}

export interface RespLatency {
  get: RespLoadResult['latency']['get'];
  set: RespLoadResult['latency']['set'];
  opsPerSecond: number;
  violations: RespLoadResult['violations'];
  connectionsLost: number;
}

/** A closed-loop RESP GET/SET load (one command in flight per connection) for `durationMs` of virtual time. */
export function measureRespLatency(
  o: TestbedOptions & { connections: number; durationMs: number },
): RespLatency {
  const { net, client } = createTestbed(o);
  const run = client.run(() =>
    startRespLoad(client, {
      address: GUEST_ADDRESS,
      port: RESP_PORT,
      connections: o.connections,
      stopAfter: { durationMs: o.durationMs },
      mix: { set: 1, get: 1, incr: 0 },
      seed: o.seed ?? 1,
    }),
  );
  net.runUntil(() => run.finished, net.clock.now() + o.durationMs + 120_000);
  const r = run.result!;
  return {
    get: r.latency.get,
    set: r.latency.set,
    opsPerSecond: r.opsPerSecond,
    violations: r.violations,
    connectionsLost: r.connections.lost,
  };
}
