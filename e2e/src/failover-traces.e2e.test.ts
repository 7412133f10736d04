/**
 * Process mode, real nats-server, an OTLP/HTTP receiver in the test: the VMMs export their traces there as they
 * would to Jaeger. A protected VM under RESP load has its primary killed with SIGKILL; the promoted backup's
 * failover is one trace (root `failover`, with the failure detected, the lease won and the first output released
 * as events, and `failover.lease`, `failover.activate`, `failover.vip` and `failover.first-output` as its
 * children), and the epochs before it join across processes: the backup's `epoch.apply` is a child of the
 * primary's `epoch` span, its context carried in the checkpoint's NATS headers.
 */
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '@vmha/service-runtime';
import { LocalCluster, runClient } from '@vmha/tools/launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, explain, until } from './cluster-checks.ts';

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

    const spans = receiver.spans();
    const { root, children } = failoverSpans(spans);
    expect(root?.instance).toBe('tr-b');
    expect(root?.parentSpanId).toBeUndefined();
    expect(root?.attributes['failover.old_primary']).toBe('tr-a');
    expect(root?.events).toEqual(
      expect.arrayContaining(['failure detected', 'lease won', 'first output released']),
    );
    expect(children.map((c) => c.name).sort()).toEqual([
      'failover.activate',
      'failover.first-output',
      'failover.lease',
      'failover.vip',
    ]);
    for (const child of children) {
      expect(child.traceId, child.name).toBe(root!.traceId);
      expect(child.parentSpanId, child.name).toBe(root!.spanId);
      expect(child.instance, child.name).toBe('tr-b');
    }
    expect(children.find((c) => c.name === 'failover.lease')?.attributes.won).toBe(true);

    // An epoch's trace spans both VMMs: the backup's apply is the primary's epoch span's child.
    const joined = applyJoinedEpoch(spans)!;
    expect(joined.epoch.instance).toBe('tr-a');
    expect(joined.apply.instance).toBe('tr-b');
    expect(joined.apply.traceId).toBe(joined.epoch.traceId);
    expect(joined.apply.attributes['epoch.number']).toBe(joined.epoch.attributes['epoch.number']);
  }, 90_000);
});

function failoverSpans(spans: ReceivedSpan[]): { root: ReceivedSpan | undefined; children: ReceivedSpan[] } {
  const root = spans.find((s) => s.name === 'failover');
  return {
    root,
    children: root
      ? spans.filter((s) => s.parentSpanId === root.spanId && s.name.startsWith('failover.'))
      : [],
  };
}

/** An `epoch.apply` span (backup) whose parent is an `epoch` span (primary), both received. */
function applyJoinedEpoch(spans: ReceivedSpan[]): { epoch: ReceivedSpan; apply: ReceivedSpan } | undefined {
  const epochs = new Map(spans.filter((s) => s.name === 'epoch').map((s) => [s.spanId, s]));
  for (const apply of spans.filter((s) => s.name === 'epoch.apply')) {
    const epoch = apply.parentSpanId ? epochs.get(apply.parentSpanId) : undefined;
    if (epoch) return { epoch, apply };
  }
  return undefined;
}
