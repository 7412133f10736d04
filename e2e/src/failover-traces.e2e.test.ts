/**
 * Process mode, real nats-server, an OTLP/HTTP receiver in the test: the VMMs export their traces there as they
 * would to Jaeger. A protected VM under RESP load has its primary killed with SIGKILL; the promoted backup's
 * failover is one trace (root `failover`, with the failure detected, the lease won and the first output released
 * as events, and `failover.lease`, `failover.activate`, `failover.vip` and `failover.first-output` as its
 * children), and the epochs before it join across processes: the backup's `epoch.apply` is a child of the
 * primary's `epoch` span, its context carried in the checkpoint's NATS headers.
 */
import { startOtlpReceiver, type OtlpReceiver } from '@vmha/service-runtime';
import { LocalCluster, runClient } from '@vmha/tools/launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, explain, until } from './cluster-checks.ts';
import { applyJoinedEpoch, expectFailoverTrace, failoverSpans } from './trace-checks.ts';

const VM_ARGS = ['--vm-id', 'vm-traced', '--memory-mib', '64', '--resp-memory-mib', '8'];

describe('failover traces', () => {
  let cluster: LocalCluster;
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    cluster = await LocalCluster.start();
  });
  afterAll(async () => {
    await cluster?.stop();
    await receiver?.close();
  });

  it('a failover arrives at the OTLP receiver as one trace with its phases as children', async () => {
    // Export in small batches, so the spans of a process killed later are out already.
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '200' };
    const primary = await cluster.launch({
      service: 'primary-vmm',
      instance: 'tr-a',
      entry: 'packages/primary-vmm/src/main.ts',
      args: [...VM_ARGS, '--mode', 'remus'],
      env,
    });
    await cluster.launch({
      service: 'backup-vmm',
      instance: 'tr-b',
      entry: 'packages/backup-vmm/src/main.ts',
      args: VM_ARGS,
      env,
    });
    await until(
      'protected',
      async () => (await counters(cluster, 'primary-vmm', 'tr-a'))['repl.protected'] === 1,
    );
    const load = runClient(cluster, 'tr-resp', [
      '--workload',
      'resp',
      '--connections',
      '8',
      '--duration-ms',
      '5s',
      '--address',
      '10.0.3.1',
    ]);
    await until(
      'epochs traced across the two processes',
      async () => applyJoinedEpoch(receiver.spans()) !== undefined,
      20_000,
    );
    primary.signal('SIGKILL');
    await primary.exited;
    await until(
      'the backup promoted',
      async () => (await counters(cluster, 'backup-vmm', 'tr-b'))['backup.promoted'] === 1,
    );
    const outcome = await load;
    expect(outcome.exitCode, explain(outcome)).toBe(0);
    await until(
      'the failover trace at the receiver',
      async () => failoverSpans(receiver.spans()).children.length === 4,
      20_000,
    );

    expectFailoverTrace(receiver.spans(), { oldPrimary: 'tr-a', promoted: 'tr-b' });
  }, 90_000);
});
