/**
 * Containers, real Docker, an OTLP/HTTP receiver in the test on the cluster network's gateway: the VMMs export
 * their traces there as they would to Jaeger. A protected VM under RESP load has its primary's container killed;
 * the promoted backup's failover is one trace (root `failover`, with the failure detected, the lease won and the
 * first output released as events, and `failover.lease`, `failover.activate`, `failover.vip` and
 * `failover.first-output` as its children), and the epochs before it join across containers: the backup's
 * `epoch.apply` is a child of the primary's `epoch` span, its context carried in the checkpoint's NATS headers.
 */
import { startOtlpReceiver, type OtlpReceiver } from '@vmha/service-runtime';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { until } from '../cluster-checks.ts';
import { applyJoinedEpoch, expectFailoverTrace, failoverSpans } from '../trace-checks.ts';
import { ContainerCluster, describeWithDocker, explainClient, vmArgs } from './container-cluster.ts';

const VM = vmArgs({ vmId: 'vm-c-traced' });

describeWithDocker('failover traces from containers', () => {
  let cluster: ContainerCluster;
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    cluster = await ContainerCluster.start();
    receiver = await startOtlpReceiver({ host: await cluster.gateway() });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
    await receiver?.close();
  }, 60_000);

  it('a failover arrives at the OTLP receiver as one trace with its phases as children', async () => {
    // Export in small batches, so the spans of a container killed later are out already.
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '200' };
    const primary = await cluster.launch('primary-vmm', 't-primary', [...VM, '--mode', 'remus'], env);
    await cluster.launch('backup-vmm', 't-backup', VM, env);
    await until(
      'protected',
      async () => (await cluster.counters('primary-vmm', 't-primary'))['repl.protected'] === 1,
      120_000,
    );
    const load = cluster.runClient('t-resp', [
      ...['--workload', 'resp', '--connections', '8', '--pipeline', '1', '--duration-ms', '10000'],
      ...['--address', '10.0.3.1'],
    ]);
    await until(
      'epochs traced across the two containers',
      async () => applyJoinedEpoch(receiver.spans()) !== undefined,
      60_000,
    );
    await cluster.kill(primary);
    await until(
      'the backup promoted',
      async () => (await cluster.counters('backup-vmm', 't-backup'))['backup.promoted'] === 1,
      30_000,
    );
    const outcome = await load;
    expect(outcome.exitCode, explainClient(outcome)).toBe(0);
    await until(
      'the failover trace at the receiver',
      async () => failoverSpans(receiver.spans()).children.length === 4,
      30_000,
    );

    expectFailoverTrace(receiver.spans(), { oldPrimary: 't-primary', promoted: 't-backup' });
  }, 300_000);
});
