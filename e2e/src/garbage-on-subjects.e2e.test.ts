/**
 * Garbage on every NATS subject the services listen to (the VIP's and the clients' network subjects, and their
 * health subjects): random bytes, another protocol version, truncated protobufs. Each is logged, counted by
 * reason and dropped, and everything keeps working: the clients' verified bulk download and checked RESP load
 * run through the barrage, and the VM serves new clients after it.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { requestHealth } from '@vmha/service-runtime';
import { HealthRequest, IpPacket, encodeMessage, subjects } from '@vmha/shared-proto';
import { LocalCluster, runClient } from '@vmha/tools/launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const VMM = { service: 'primary-vmm', instance: 'vmm-garbage' };

function garbageFor(valid: Uint8Array, i: number): Uint8Array[] {
  const random = new Uint8Array(1 + ((i * 37) % 300)).map((_, j) => (i * 131 + j * 29) & 0xff);
  const truncated = valid.subarray(0, Math.max(1, valid.length - 1 - (i % 7)));
  return [random, truncated];
}

/** A message whose protocol_version is 99 (field 1, varint), followed by a valid-looking body. */
function wrongVersion(valid: Uint8Array): Uint8Array {
  const out = new Uint8Array(valid);
  out[0] = 0x08;
  out[1] = 99;
  return out;
}

describe('garbage on the subjects a VMM listens to', () => {
  let cluster: LocalCluster;
  let nc: NatsConnection;

  beforeAll(async () => {
    cluster = await LocalCluster.start();
    await cluster.launch({
      ...VMM,
      entry: 'packages/primary-vmm/src/main.ts',
      args: ['--vm-id', 'vm-garbage', '--vip', '10.0.0.2', '--memory-mib', '64', '--resp-memory-mib', '16'],
    });
    nc = await connect({ servers: cluster.natsUrl });
  });
  afterAll(async () => {
    await nc?.close();
    await cluster?.stop();
  });

  it('is counted and dropped while the VM keeps serving checked clients', async () => {
    const netSubject = subjects.netAddress('10.0.0.2');
    // The clients listen too: on their own addresses and their health subjects.
    const clientNetSubjects = ['10.0.0.111', '10.0.0.112'].map((a) => subjects.netAddress(a));
    const healthSubjects = [
      subjects.health(VMM.service, VMM.instance),
      subjects.health('client-sim', 'garbage-bulk'),
      subjects.health('client-sim', 'garbage-resp'),
      subjects.healthAll,
    ];
    const validPacket = encodeMessage(IpPacket, { datagrams: [new Uint8Array(40).fill(0x45, 0, 1)] });
    const validHealth = encodeMessage(HealthRequest, {});
    const barrage = (rounds: number): void => {
      for (let i = 0; i < rounds; i++) {
        for (const subject of [netSubject, ...clientNetSubjects]) {
          for (const g of garbageFor(validPacket, i)) nc.publish(subject, g);
          nc.publish(subject, wrongVersion(validPacket));
        }
        for (const s of healthSubjects) {
          for (const g of garbageFor(validHealth, i)) nc.publish(s, g);
          nc.publish(s, new Uint8Array([0x08, 99]));
        }
      }
    };
    // Garbage before, during and after real traffic.
    barrage(200);
    const pump = setInterval(() => barrage(20), 50);
    const [bulk, resp] = await Promise.all([
      runClient(cluster, 'garbage-bulk', [
        '--workload',
        'bulk',
        '--bytes',
        String(16 << 20),
        '--address',
        '10.0.0.111',
      ]),
      runClient(cluster, 'garbage-resp', [
        '--workload',
        'resp',
        '--connections',
        '20',
        '--duration-ms',
        '5s',
        '--address',
        '10.0.0.112',
      ]),
    ]);
    clearInterval(pump);
    barrage(200);
    await nc.flush();

    expect(bulk.result?.verified, bulk.logTail.join('\n')).toBe(true);
    expect(bulk.exitCode).toBe(0);
    expect(resp.result?.violations, resp.logTail.join('\n')).toEqual([]);
    expect(resp.exitCode).toBe(0);
    // The clients counted and dropped the garbage sent to their own addresses.
    for (const client of [bulk, resp]) {
      const dropped = client.network?.dropped ?? {};
      expect(dropped['wrong-version'] ?? 0, JSON.stringify(dropped)).toBeGreaterThan(50);
      expect(Object.values(dropped).reduce((n, v) => n + v, 0)).toBeGreaterThan(150);
    }

    // The VMM still answers health, and its counters show every kind of garbage was dropped, by reason.
    await new Promise((r) => setTimeout(r, 700)); // counters are published every 500 ms
    const health = await requestHealth(nc, VMM.service, VMM.instance);
    expect(health.status).toBe('serving');
    const counters = health.counters as Record<string, number>;
    const sum = (prefix: string): number =>
      Object.entries(counters)
        .filter(([k]) => k.startsWith(prefix))
        .reduce((n, [, v]) => n + v, 0);
    expect(counters['net.dropped.wrong-version'], JSON.stringify(counters)).toBeGreaterThan(200);
    expect(sum('net.dropped.'), JSON.stringify(counters)).toBeGreaterThan(1000);
    expect(sum('health.dropped.'), JSON.stringify(counters)).toBeGreaterThan(1000);
    // And it still serves new clients after the barrage.
    const after = await runClient(cluster, 'garbage-after', [
      '--workload',
      'bulk',
      '--bytes',
      String(1 << 20),
      '--address',
      '10.0.0.113',
    ]);
    expect(after.result?.verified).toBe(true);
  });
});
