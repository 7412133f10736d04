/**
 * Process mode, real nats-server: a native (unreplicated) VM serves clients over the virtual network with 1%
 * loss and 1% reordering at the clients' edge, each way. A 1 GiB bulk download is verified byte for byte
 * (running SHA-256 against the seeded stream), and a 60 s RESP load over 200 connections proves every
 * acknowledged write was visible and no counter went backwards, with no connection reset.
 */
import { LocalCluster, runClient } from '@vmha/tools/launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain } from './cluster-checks.ts';

const LINK = ['--loss', '0.01', '--reorder', '0.01'];
const GiB = 1024 * 1024 * 1024;

describe('a native VM serving real workloads over a lossy virtual network', () => {
  let cluster: LocalCluster;

  beforeAll(async () => {
    cluster = await LocalCluster.start();
    await cluster.launch({
      service: 'primary-vmm',
      instance: 'vmm-e2e',
      entry: 'packages/primary-vmm/src/main.ts',
      args: ['--vm-id', 'vm-e2e', '--vip', '10.0.0.2', '--memory-mib', '256'],
    });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('delivers a verified 1 GiB bulk download and a clean 60 s RESP load with 200 connections, side by side', async () => {
    const [bulk, resp] = await Promise.all([
      runClient(cluster, 'e2e-bulk', [
        '--workload',
        'bulk',
        '--bytes',
        String(GiB),
        '--seed',
        '21',
        '--address',
        '10.0.0.101',
        ...LINK,
      ]),
      runClient(cluster, 'e2e-resp', [
        '--workload',
        'resp',
        '--connections',
        '200',
        '--duration-ms',
        '60s',
        '--seed',
        '22',
        '--address',
        '10.0.0.102',
        ...LINK,
      ]),
    ]);
    expect(bulk.result, explain(bulk)).toBeDefined();
    expect(bulk.result?.receivedBytes).toBe(GiB);
    expect(bulk.result?.verified, explain(bulk)).toBe(true);
    expect(bulk.result?.violations).toEqual([]);
    expect(bulk.exitCode).toBe(0);

    expect(resp.result, explain(resp)).toBeDefined();
    const ops = resp.result?.operations as { completed: number; failed: number };
    const conns = resp.result?.connections as { established: number; lost: number };
    const checks = resp.result?.checks as {
      writesAcknowledged: number;
      readsChecked: number;
      incrementsAcknowledged: number;
    };
    expect(resp.result?.violations, explain(resp)).toEqual([]);
    expect(conns.established).toBe(200);
    expect(conns.lost).toBe(0);
    expect(ops.failed).toBe(0);
    expect(checks.writesAcknowledged).toBeGreaterThan(1000);
    expect(checks.readsChecked).toBeGreaterThan(1000);
    expect(checks.incrementsAcknowledged).toBeGreaterThan(1000);
    expect(resp.exitCode).toBe(0);
    // The link really was impaired.
    const link = bulk.link as { egress: { lost: number; reordered: number }; ingress: { lost: number } };
    expect(link.egress.lost + link.ingress.lost).toBeGreaterThan(100);
    expect(link.egress.reordered).toBeGreaterThan(100);
  });
});
