/**
 * What a failover's trace must look like at an OTLP receiver, shared by the process and container suites: one
 * trace, root `failover` on the promoted VMM (the failure detected, the lease won and the first output released
 * as events), its four phases as children; and an epoch joined across the two VMMs (the backup's `epoch.apply`
 * a child of the primary's `epoch` span, its context carried in the checkpoint's NATS headers).
 */
import type { ReceivedSpan } from '@vmha/service-runtime';
import { expect } from 'vitest';

export function failoverSpans(spans: ReceivedSpan[]): {
  root: ReceivedSpan | undefined;
  children: ReceivedSpan[];
} {
  const root = spans.find((s) => s.name === 'failover');
  return {
    root,
    children: root
      ? spans.filter((s) => s.parentSpanId === root.spanId && s.name.startsWith('failover.'))
      : [],
  };
}

/** An `epoch.apply` span (backup) whose parent is an `epoch` span (primary), both received. */
export function applyJoinedEpoch(
  spans: ReceivedSpan[],
): { epoch: ReceivedSpan; apply: ReceivedSpan } | undefined {
  const epochs = new Map(spans.filter((s) => s.name === 'epoch').map((s) => [s.spanId, s]));
  for (const apply of spans.filter((s) => s.name === 'epoch.apply')) {
    const epoch = apply.parentSpanId ? epochs.get(apply.parentSpanId) : undefined;
    if (epoch) return { epoch, apply };
  }
  return undefined;
}

/** The failover's trace and a joined epoch, checked whole. */
export function expectFailoverTrace(
  spans: ReceivedSpan[],
  vmms: { oldPrimary: string; promoted: string },
): void {
  const { root, children } = failoverSpans(spans);
  expect(root?.instance).toBe(vmms.promoted);
  expect(root?.parentSpanId).toBeUndefined();
  expect(root?.attributes['failover.old_primary']).toBe(vmms.oldPrimary);
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
    expect(child.instance, child.name).toBe(vmms.promoted);
  }
  expect(children.find((c) => c.name === 'failover.lease')?.attributes.won).toBe(true);

  const joined = applyJoinedEpoch(spans)!;
  expect(joined.epoch.instance).toBe(vmms.oldPrimary);
  expect(joined.apply.instance).toBe(vmms.promoted);
  expect(joined.apply.traceId).toBe(joined.epoch.traceId);
  expect(joined.apply.attributes['epoch.number']).toBe(joined.epoch.attributes['epoch.number']);
}
