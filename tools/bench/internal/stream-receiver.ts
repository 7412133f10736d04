/**
 * The receiving end of bench:replication's stream measures, a child process of the bench (as a backup VMM is a
 * process of its own), connected to nats-server on its own:
 *  - `raw`: counts the bytes of `count` messages on `subject`, acking every `perAck` (raw NATS throughput, with the
 *    checkpoint stream's flow control and nothing else);
 *  - `checkpoint`: the backup's path: each CheckpointChunk decoded and assembled, each completed body decoded and
 *    applied to a MachineReplica, and a CheckpointAck (with the replica's digest) published per epoch.
 * Its task comes as the first IPC message; it answers 'ready' once subscribed, then 'done' with the (wall-clock)
 * time of the last message or ack, and exits when told 'close'.
 */
import { connect } from '@nats-io/transport-node';
import { MachineReplica } from '@vmha/machine';
import { CheckpointApplier, receivedChunk } from '@vmha/replication';
import { CheckpointAck, CheckpointChunk, decodeMessage, encodeMessage } from '@vmha/shared-proto';

export type ReceiverTask =
  | { kind: 'raw'; natsUrl: string; subject: string; ackSubject: string; count: number; perAck: number }
  | {
      kind: 'checkpoint';
      natsUrl: string;
      subject: string;
      ackSubject: string;
      memoryBytes: number;
      /** CPU is counted from the first chunk of this epoch (the measured ones), to the end of `lastEpoch`. */
      firstMeasuredEpoch: number;
      lastEpoch: number;
    };

export type ReceiverReport =
  | { kind: 'ready' }
  | { kind: 'done'; lastAt: number; bytes: number; rejected: number; cpuMs: number }
  | { kind: 'failed'; error: string };

const task = await new Promise<ReceiverTask>((resolve) =>
  process.once('message', (m) => resolve(m as ReceiverTask)),
);
const report = (r: ReceiverReport) => process.send!(r);
let cpuAtStart = process.cpuUsage();
const cpuMs = () => {
  const u = process.cpuUsage(cpuAtStart);
  return (u.user + u.system) / 1000;
};

const nc = await connect({ servers: task.natsUrl, name: `bench-receiver-${task.kind}` });
let bytes = 0;
if (task.kind === 'raw') {
  let got = 0;
  nc.subscribe(task.subject, {
    callback: (_e, m) => {
      bytes += m.data.length;
      got++;
      if (got % task.perAck === 0 || got === task.count) nc.publish(task.ackSubject, Uint8Array.of(1));
      if (got === task.count)
        report({
          kind: 'done',
          lastAt: performance.timeOrigin + performance.now(),
          bytes,
          rejected: 0,
          cpuMs: cpuMs(),
        });
    },
  });
} else {
  const applier = new CheckpointApplier(new MachineReplica(task.memoryBytes));
  let rejected = 0;
  let measuring = false;
  nc.subscribe(task.subject, {
    callback: (_e, m) => {
      const c = decodeMessage(CheckpointChunk, m.data);
      if (!c.ok) {
        report({ kind: 'failed', error: `undecodable chunk: ${c.detail}` });
        return;
      }
      if (!measuring && c.message.epoch >= task.firstMeasuredEpoch) {
        measuring = true;
        cpuAtStart = process.cpuUsage();
      }
      if (measuring) bytes += m.data.length;
      for (const o of applier.accept(receivedChunk(c.message))) {
        if (o.kind === 'dropped') continue;
        if (o.kind === 'rejected') rejected++;
        nc.publish(
          task.ackSubject,
          encodeMessage(CheckpointAck, {
            vmId: c.message.vmId,
            streamId: c.message.streamId,
            backup: 'bench-receiver',
            epoch: o.epoch,
            applied: o.kind !== 'rejected',
            error: o.kind === 'rejected' ? o.error : '',
            stateDigest: o.kind === 'applied' ? o.digest : '',
            leaseRevision: c.message.leaseRevision,
          }),
        );
        if (o.epoch === task.lastEpoch && o.kind === 'applied')
          report({
            kind: 'done',
            lastAt: performance.timeOrigin + performance.now(),
            bytes,
            rejected,
            cpuMs: cpuMs(),
          });
      }
    },
  });
}
await nc.flush();
report({ kind: 'ready' });
process.on('message', (m) => {
  if (m === 'close') void nc.close().then(() => process.exit(0));
});
