/**
 * `npm run vmctl -- <command> ...`: operator commands against a running cluster over NATS.
 *
 *   npm run vmctl -- handover vm-1 [--nats nats://127.0.0.1:4222]   planned failover to the VM's synced backup
 *   npm run vmctl -- epochs vm-1 [--count 20]                         prints the VM's epoch reports as they come
 *   npm run vmctl -- mode vm-1 speculative+racc                       switches remus, speculative, speculative+racc
 *
 * The NATS URL defaults to $VMHA_NATS_URL, then nats://127.0.0.1:4222.
 */
import { connect } from '@nats-io/transport-node';
import {
  EpochEvent,
  EpochReport,
  HandoverReply,
  HandoverRequest,
  ModeReply,
  ModeRequest,
  REPLICATION_MODES,
  decodeMessage,
  encodeMessage,
  isReplicationMode,
  isSubjectToken,
  subjects,
} from '@vmha/shared-proto';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';

const USAGE = `usage: npm run vmctl -- handover <vm-id> [--nats URL] [--timeout-ms N]
       npm run vmctl -- epochs <vm-id> [--nats URL] [--count N]
       npm run vmctl -- mode <vm-id> remus|speculative|speculative+racc [--nats URL]`;

function fail(message: string): never {
  console.error(`vmctl: ${message}\n${USAGE}`);
  process.exit(2);
}

const { values: opts, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        nats: { type: 'string', default: process.env.VMHA_NATS_URL ?? 'nats://127.0.0.1:4222' },
        'timeout-ms': { type: 'string', default: '30000' },
        count: { type: 'string', default: '0' },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
})();
const [command, vmId, modeArg] = positionals;
if (command !== 'handover' && command !== 'epochs' && command !== 'mode')
  fail(`unknown command ${JSON.stringify(command)}`);
if (command === 'mode' && !isReplicationMode(modeArg ?? ''))
  fail(`mode ${JSON.stringify(modeArg)}: ${REPLICATION_MODES.join(', ')}`);
if (!isSubjectToken(vmId)) fail(`invalid vm id ${JSON.stringify(vmId)}`);
const positive = (name: 'timeout-ms' | 'count', min: number): number => {
  const v = Number(opts[name]);
  if (!Number.isInteger(v) || v < min) fail(`invalid --${name}=${opts[name]}: an integer >= ${min}`);
  return v;
};
const timeoutMs = positive('timeout-ms', 1);
const count = positive('count', 0);

const nc = await connect({ servers: opts.nats, name: 'vmctl' }).catch((e: Error) =>
  fail(`cannot reach NATS at ${opts.nats}: ${e.message}`),
);
try {
  if (command === 'handover') {
    const answer = await nc
      .request(
        subjects.replicationHandover(vmId),
        encodeMessage(HandoverRequest, { vmId, requestedBy: `vmctl/${userInfo().username}` }),
        { timeout: timeoutMs },
      )
      .catch((e: Error) => fail(`no primary of ${vmId} answered: ${e.message}`));
    const reply = decodeMessage(HandoverReply, answer.data);
    if (!reply.ok) fail(`bad reply: ${reply.detail}`);
    const r = reply.message;
    if (!r.accepted) {
      console.error(`handover refused: ${r.reason}`);
      process.exitCode = 1;
    } else {
      console.log(
        `${vmId} now runs on ${r.newPrimary} (from epoch ${r.epoch}, lease revision ${r.leaseRevision}); ` +
          `the guest stood still for ${r.guestPausedMs.toFixed(1)} ms`,
      );
    }
  } else if (command === 'mode') {
    const answer = await nc
      .request(subjects.replicationMode(vmId), encodeMessage(ModeRequest, { vmId, mode: modeArg }), {
        timeout: timeoutMs,
      })
      .catch((e: Error) => fail(`no primary of ${vmId} answered: ${e.message}`));
    const reply = decodeMessage(ModeReply, answer.data);
    if (!reply.ok) fail(`bad reply: ${reply.detail}`);
    if (!reply.message.accepted) {
      console.error(`mode refused: ${reply.message.reason}`);
      process.exitCode = 1;
    } else console.log(`${vmId} now runs in ${reply.message.mode} mode (open connections keep theirs)`);
  } else {
    let seen = 0;
    const sub = nc.subscribe(subjects.replicationEpochs(vmId));
    for await (const m of sub) {
      const r = decodeMessage(EpochReport, m.data);
      if (!r.ok) continue;
      const e = r.message;
      console.log(
        `${EpochEvent[e.event].replace('EPOCH_EVENT_', '').toLowerCase().padEnd(9)} ${e.sender} ` +
          `stream ${e.streamId.slice(0, 8)} epoch ${e.epoch} rev ${e.leaseRevision} ${e.stateDigest.slice(0, 16)}`,
      );
      if (count > 0 && ++seen >= count) break;
    }
  }
} finally {
  await nc.close();
}
