/**
 * Process mode, real nats-server: planned failover under client load, asked for with the operator CLI
 * (`npm run vmctl -- handover <vm>`). The primary hands the guest to its synced backup from a final acked epoch
 * and exits 0; the backup runs it from exactly that state (its activation digest is the one the primary reported
 * for the epoch); a standby joins the new primary and protection resumes. The clients lose nothing.
 */
import { EpochEvent, EpochReport, decodeMessage, subjects } from '@vmha/shared-proto';
import { LocalCluster, REPO_ROOT, runClient } from '@vmha/tools/launcher';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, explain, until } from './cluster-checks.ts';

const VM_ARGS = ['--vm-id', 'vm-planned', '--memory-mib', '64', '--resp-memory-mib', '8'];

describe('planned failover', () => {
  let cluster: LocalCluster;
  beforeAll(async () => {
    cluster = await LocalCluster.start();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('hands the guest over on request with no client losing anything, and a standby re-protects it', async () => {
    const primary = await cluster.launch({
      service: 'primary-vmm',
      instance: 'pl-a',
      entry: 'packages/primary-vmm/src/main.ts',
      args: [...VM_ARGS, '--vip', '10.0.0.2', '--mode', 'remus'],
    });
    const backup = await cluster.launch({
      service: 'backup-vmm',
      instance: 'pl-b',
      entry: 'packages/backup-vmm/src/main.ts',
      args: VM_ARGS,
      onLine: (line) => {
        if (line.includes('promoted')) console.info(line);
      },
    });
    const reports: EpochReport[] = [];
    cluster.nc.subscribe(subjects.replicationEpochs('vm-planned'), {
      callback: (_e, m) => {
        const r = decodeMessage(EpochReport, m.data);
        if (r.ok) reports.push(r.message);
      },
    });
    await until(
      'protected',
      async () => (await counters(cluster, 'primary-vmm', 'pl-a'))['repl.protected'] === 1,
    );
    const clients = Promise.all([
      runClient(cluster, 'pl-bulk', [
        '--workload',
        'bulk',
        '--bytes',
        String(32 << 20),
        '--seed',
        '3',
        '--address',
        '10.0.0.101',
      ]),
      runClient(cluster, 'pl-resp', [
        '--workload',
        'resp',
        '--connections',
        '16',
        '--duration-ms',
        '6s',
        '--seed',
        '4',
        '--address',
        '10.0.0.102',
      ]),
    ]);
    await until('the clients to be served', async () => {
      const c = await counters(cluster, 'primary-vmm', 'pl-a');
      return (c['net.sent'] ?? 0) > 500;
    });

    // The operator's command.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'tools/src/vmctl.ts', 'handover', 'vm-planned', '--nats', cluster.natsUrl],
      { cwd: REPO_ROOT, timeout: 60_000 },
    );
    expect(stdout).toMatch(/vm-planned now runs on pl-b \(from epoch \d+/);
    console.info(stdout.trim());
    expect(await primary.exited).toBe(0); // handed over, not fenced

    // The new primary proves its activation with a digest it computes in the background once the guest has
    // produced output, so the ACTIVATED report follows the handover's reply.
    await until('the activation report', async () =>
      reports.some((r) => r.event === EpochEvent.EPOCH_EVENT_ACTIVATED),
    );
    const activated = reports.find((r) => r.event === EpochEvent.EPOCH_EVENT_ACTIVATED);
    expect(activated?.sender).toBe('pl-b');
    const sent = reports.find(
      (r) =>
        r.sender === 'pl-a' &&
        r.event === EpochEvent.EPOCH_EVENT_SENT &&
        r.streamId === activated!.streamId &&
        Number(r.epoch) === Number(activated!.epoch),
    );
    expect(activated!.stateDigest).toBe(sent?.stateDigest);

    // A standby joins the new primary and protection resumes with the guest running.
    const standby = await cluster.launch({
      service: 'backup-vmm',
      instance: 'pl-c',
      entry: 'packages/backup-vmm/src/main.ts',
      args: VM_ARGS,
    });
    await until(
      're-protection',
      async () => (await counters(cluster, 'backup-vmm', 'pl-b'))['repl.protected'] === 1,
    );

    const [bulk, resp] = await clients;
    expect(bulk.result?.verified, explain(bulk)).toBe(true);
    expect((resp.result?.connections as { lost: number }).lost, explain(resp)).toBe(0);
    expect(resp.result?.violations, explain(resp)).toEqual([]);
    backup.signal('SIGTERM');
    standby.signal('SIGTERM');
    await Promise.all([backup.exited, standby.exited]);
  }, 120_000);
});
