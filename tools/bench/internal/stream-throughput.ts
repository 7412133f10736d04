/**
 * bench:replication's transport measures, sender in this process and receiver in a child process (as primary and
 * backup are separate processes), both through the same nats-server:
 *  - raw NATS: messages of the checkpoint chunk size, bytes per second as the receiver counts them;
 *  - checkpoint goodput: epochs of a real Machine, each with `dirtyPages` pages of fresh random contents (the
 *    encoder's worst case: nothing elides or compresses), captured, encoded, cut into CheckpointChunk messages
 *    exactly as the primary does, and applied by the backup's CheckpointApplier, with at most `maxInFlight`
 *    epochs unacked (the primary's window). Goodput is captured bytes per second, first send to last ack; every
 *    ack must carry the digest the primary captured.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { BodyKind } from '@vmha/checkpoint';
import { Machine, PAGE_SIZE } from '@vmha/machine';
import { standardGuestImage } from '@vmha/primary-vmm';
import { CheckpointEncoder, chunkMessages } from '@vmha/replication';
import { CheckpointAck, decodeMessage } from '@vmha/shared-proto';
import { randomFillSync } from 'node:crypto';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReceiverReport, ReceiverTask } from './stream-receiver.ts';

const CHUNK_BYTES = 512 * 1024; // the primary's default maxChunkBytes

/** Starts the receiver; resolves once it is subscribed, with a promise of its final report. */
async function startReceiver(
  task: ReceiverTask,
): Promise<{ done: Promise<Extract<ReceiverReport, { kind: 'done' }>>; close(): Promise<void> }> {
  const child = fork(fileURLToPath(new URL('./stream-receiver.ts', import.meta.url)), [], {
    execArgv: process.execArgv, // (tsx's loader)
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let ready!: () => void;
  let fail!: (e: Error) => void;
  const isReady = new Promise<void>((res, rej) => ((ready = res), (fail = rej)));
  const done = new Promise<Extract<ReceiverReport, { kind: 'done' }>>((res, rej) => {
    child.on('message', (r: ReceiverReport) => {
      if (r.kind === 'ready') ready();
      else if (r.kind === 'done') res(r);
      else rej(new Error(`receiver: ${r.error}`));
    });
    child.on('exit', (code) => {
      const e = new Error(`the receiver exited (${code})`);
      fail(e);
      rej(e);
    });
  });
  done.catch(() => undefined);
  child.send(task);
  await isReady;
  return {
    done,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send('close');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const wallNow = () => performance.timeOrigin + performance.now();

export interface RawNatsThroughput {
  MBps: number;
  /** CPU each end spent per MiB carried (this machine's cores are shared by both ends and nats-server). */
  senderCpuMsPerMiB: number;
  receiverCpuMsPerMiB: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Raw NATS throughput for `totalBytes` in messages of the checkpoint chunk size, with the checkpoint stream's flow
 * control and nothing else: the receiver acks every `perAck` messages (an epoch's worth) and at most `window`
 * batches are unacked (the primary's in-flight limit).
 */
export async function rawNatsThroughput(
  natsUrl: string,
  o: { totalBytes: number; perAck: number; window: number },
): Promise<RawNatsThroughput> {
  const subject = 'vmha.bench.raw';
  const ackSubject = 'vmha.bench.raw-acks';
  const count = Math.ceil(o.totalBytes / CHUNK_BYTES);
  const receiver = await startReceiver({
    kind: 'raw',
    natsUrl,
    subject,
    ackSubject,
    count,
    perAck: o.perAck,
  });
  const nc = await connect({ servers: natsUrl, name: 'bench-raw-sender' });
  try {
    let acked = 0;
    let wake: (() => void) | undefined;
    nc.subscribe(ackSubject, {
      callback: () => {
        acked++;
        wake?.();
      },
    });
    await nc.flush();
    const payload = new Uint8Array(CHUNK_BYTES);
    randomFillSync(payload);
    const start = wallNow();
    const cpuAtStart = process.cpuUsage();
    for (let i = 0; i < count; i++) {
      while (Math.floor(i / o.perAck) - acked >= o.window) await new Promise<void>((r) => (wake = r));
      nc.publish(subject, payload);
    }
    const r = await receiver.done;
    const cpu = process.cpuUsage(cpuAtStart);
    const mib = r.bytes / 2 ** 20;
    return {
      MBps: r.bytes / ((r.lastAt - start) / 1000) / 1e6,
      senderCpuMsPerMiB: r2((cpu.user + cpu.system) / 1000 / mib),
      receiverCpuMsPerMiB: r2(r.cpuMs / mib),
    };
  } finally {
    await nc.close();
    await receiver.close();
  }
}

export interface CheckpointGoodput {
  /** Captured state bytes per second, first send to last ack. */
  goodputMBps: number;
  /** Encoded checkpoint bytes (the bodies) per second. */
  wireMBps: number;
  epochs: number;
  dirtyPages: number;
  /** Fresh bytes written per dirty page (4096: every page rewritten whole). */
  writeBytes: number;
  encodedToRaw: number;
  senderCpuMsPerMiB: number;
  receiverCpuMsPerMiB: number;
}

export async function checkpointGoodput(
  natsUrl: string,
  o: { memoryMib: number; dirtyPages: number; epochs: number; maxInFlight: number; writeBytes?: number },
): Promise<CheckpointGoodput> {
  const memoryBytes = o.memoryMib << 20;
  const machine = Machine.create(
    { address: '10.0.0.2', memoryBytes, seed: 7 },
    standardGuestImage({ respMemoryBytes: 16 << 20 }),
  );
  machine.runSlice(10);
  const encoder = new CheckpointEncoder({ memoryBytes, maxChunkBytes: CHUNK_BYTES });
  const from = { vmId: 'vm-goodput', streamId: 'bench', leaseRevision: 1 };
  const subject = 'vmha.bench.chunks';
  const ackSubject = 'vmha.bench.acks';
  const warmEpochs = 4;
  const firstMeasuredEpoch = 1 + 1 + warmEpochs + 1; // after the sync pages, the seal and the warm-up
  const lastEpoch = firstMeasuredEpoch + o.epochs - 1;
  const receiver = await startReceiver({
    kind: 'checkpoint',
    natsUrl,
    subject,
    ackSubject,
    memoryBytes,
    firstMeasuredEpoch,
    lastEpoch,
  });
  const nc: NatsConnection = await connect({ servers: natsUrl, name: 'bench-checkpoint-sender' });
  const pending = new Map<number, string | undefined>(); // epoch -> digest it must be acked with
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let lastAckAt = 0;
  nc.subscribe(ackSubject, {
    callback: (_e, m) => {
      const a = decodeMessage(CheckpointAck, m.data);
      if (!a.ok) failure = new Error(`undecodable ack: ${a.detail}`);
      else if (!a.message.applied)
        failure = new Error(`epoch ${a.message.epoch} rejected: ${a.message.error}`);
      else {
        const want = pending.get(a.message.epoch);
        if (want !== undefined && want !== a.message.stateDigest)
          failure = new Error(`epoch ${a.message.epoch}: backup digest differs from the captured one`);
        pending.delete(a.message.epoch);
        lastAckAt = wallNow();
      }
      wake?.();
    },
  });
  await nc.flush();
  const room = async (limit: number) => {
    while (pending.size > limit && !failure) await new Promise<void>((r) => (wake = r));
    if (failure) throw failure;
  };
  const random = new Uint8Array(64 << 20);
  randomFillSync(random);
  let randomAt = 0;
  // Each dirty page gets `writeBytes` fresh random bytes at a random place (all of it: every page rewritten).
  const writeBytes = o.writeBytes ?? PAGE_SIZE;
  const dirty = () => {
    const span = Math.floor(machine.memory.pageCount / o.dirtyPages);
    for (let i = 0; i < o.dirtyPages; i++) {
      if (randomAt + writeBytes > random.length) randomAt = (randomAt % 4093) + 1; // a fresh offset each lap
      const offset = writeBytes === PAGE_SIZE ? 0 : (random[randomAt] * 16) % (PAGE_SIZE - writeBytes);
      machine.memory.write(i * span * PAGE_SIZE + offset, random.subarray(randomAt, randomAt + writeBytes));
      randomAt += writeBytes;
    }
  };
  const send = (epoch: number, kind: typeof BodyKind.SyncSeal | typeof BodyKind.Epoch) => {
    dirty();
    machine.pause();
    const capture = machine.captureCheckpoint();
    machine.resume();
    const cp = encoder.encodeCapture(kind, epoch, epoch - 1, capture);
    pending.set(epoch, capture.digest);
    for (const m of chunkMessages(cp, from)) nc.publish(subject, m);
    return { raw: cp.stats.rawPageBytes + cp.stats.rawRecordBytes, wire: cp.body.length };
  };
  try {
    machine.startPageTracking();
    const all = Array.from(machine.memory.nonZeroPages(), (p) => [p, machine.memory.pageView(p)] as const);
    machine.takeDirtyPages();
    pending.set(1, undefined);
    for (const m of chunkMessages(encoder.encodeSyncPages(1, all), from)) nc.publish(subject, m);
    send(2, BodyKind.SyncSeal);
    let epoch = 2;
    for (let i = 0; i < warmEpochs; i++) {
      await room(o.maxInFlight - 1);
      send(++epoch, BodyKind.Epoch);
    }
    await room(0);
    let raw = 0;
    let wire = 0;
    const start = wallNow();
    const cpuAtStart = process.cpuUsage();
    for (let i = 0; i < o.epochs; i++) {
      await room(o.maxInFlight - 1);
      const s = send(++epoch, BodyKind.Epoch);
      raw += s.raw;
      wire += s.wire;
    }
    await room(0);
    const r = await receiver.done;
    if (r.rejected > 0) throw new Error(`${r.rejected} checkpoints rejected`);
    const seconds = (Math.max(lastAckAt, r.lastAt) - start) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    return {
      goodputMBps: raw / seconds / 1e6,
      wireMBps: wire / seconds / 1e6,
      epochs: o.epochs,
      dirtyPages: o.dirtyPages,
      writeBytes,
      encodedToRaw: Math.round((wire / raw) * 1000) / 1000,
      senderCpuMsPerMiB: r2((cpu.user + cpu.system) / 1000 / (raw / 2 ** 20)),
      receiverCpuMsPerMiB: r2(r.cpuMs / (raw / 2 ** 20)),
    };
  } finally {
    await nc.close();
    await receiver.close();
  }
}
