/**
 * The compose demo as the README runs it: `docker compose up -d` of the root compose.yaml (NATS, a primary and a
 * backup VMM protecting vm1, a standby, client-sim's checked RESP load), then `docker compose kill -s SIGKILL
 * primary-vmm`: the backup VMM that joined the primary first (backup-vmm or standby-vmm: they start together)
 * takes the VM over and serves the client, the other re-protects it, the client ends its run with every check
 * held (no connection lost, no acknowledged write lost, no counter backwards), and `docker compose down` leaves
 * nothing of the project behind.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { subjects } from '@vmha/shared-proto';
import { ORIGIN_HEADER } from '@vmha/vnet';
import { afterAll, expect, it } from 'vitest';
import { until } from '../cluster-checks.ts';
import { ComposeProject, composeMissing } from './compose-project.ts';
import { IMAGES, describeWithDocker, freePort, healthCounters, requireImages } from './container-cluster.ts';

/** How long the demo's client runs: long enough to be under way when the primary is killed, then to go on. */
const CLIENT_MS = 40_000;

describeWithDocker(
  'the compose demo',
  () => {
    let project: ComposeProject | undefined;
    let nc: NatsConnection | undefined;
    afterAll(async () => {
      await nc?.close().catch(() => undefined);
      await project?.down().catch(() => undefined);
    }, 180_000);

    const counters = (service: string, instance: string) => healthCounters(nc!, service, instance);

    /** Waits for `cond`, and on a timeout shows the last lines of the cluster's VMMs (why it did not happen). */
    const awaitOrExplain = async (what: string, cond: () => Promise<boolean>, ms: number) => {
      try {
        await until(what, cond, ms);
      } catch (e) {
        const tails = await Promise.all(
          ['primary-vmm', 'backup-vmm', 'standby-vmm'].map(async (service) => {
            const lines = await project!.logLines(service).catch((err: Error) => [String(err)]);
            return `--- ${service}\n${lines.slice(-15).join('\n')}`;
          }),
        );
        throw new Error(`${(e as Error).message}\n${tails.join('\n')}`, { cause: e });
      }
    };

    it('comes up protected and serving, survives a docker kill of the primary with the client going on, and goes down clean', async () => {
      await requireImages();
      const natsPort = await freePort();
      project = await ComposeProject.up({
        VMHA_IMAGE: IMAGES.app,
        VMHA_NATS_IMAGE: IMAGES.nats,
        VMHA_NATS_PORT: String(natsPort),
        VMHA_NATS_MONITOR_PORT: String(await freePort()),
        VMHA_DEMO_DURATION_MS: String(CLIENT_MS),
      });
      nc = await connect({ servers: `nats://127.0.0.1:${natsPort}`, maxReconnectAttempts: -1 });
      // Who serves the client: every virtual-network message to its address names its sender.
      const servedBy: string[] = [];
      nc.subscribe(subjects.netAddress('10.0.0.100'), {
        callback: (_e, m) => {
          servedBy.push(m.headers?.get(ORIGIN_HEADER) ?? '?');
        },
      });

      await awaitOrExplain(
        'the primary protected by the backup',
        async () => (await counters('primary-vmm', 'primary'))['repl.protected'] === 1,
        120_000,
      );
      await awaitOrExplain(
        'the client served',
        async () => servedBy.filter((o) => o === 'primary').length > 200,
        60_000,
      );

      await project.compose(['kill', '-s', 'SIGKILL', 'primary-vmm']);
      expect(await project.running('client-sim'), 'the client was under way at the kill').toBe(true);
      // backup-vmm and standby-vmm start together: whichever joined the primary first is its backup and takes
      // over; the other, turned away until then, re-protects it.
      let promoted = '';
      await awaitOrExplain(
        'a backup promoted',
        async () => {
          for (const instance of ['backup', 'standby'])
            if ((await counters('backup-vmm', instance))['backup.promoted'] === 1) promoted = instance;
          return promoted !== '';
        },
        30_000,
      );
      await awaitOrExplain(
        'the client served by the promoted VMM',
        async () => servedBy.includes(promoted),
        30_000,
      );
      await awaitOrExplain(
        'the other backup VMM to protect the promoted one',
        async () => (await counters('backup-vmm', promoted))['repl.protected'] === 1,
        60_000,
      );
      // One VM, one sender at a time: the client heard only the primary, then only the promoted VMM; the other
      // backup VMM never ran the guest.
      const other = promoted === 'backup' ? 'standby' : 'backup';
      expect((await counters('backup-vmm', other))['backup.promoted'] ?? 0, `${other} promoted too`).toBe(0);
      expect([...new Set(servedBy)], 'senders the client heard').toEqual(['primary', promoted]);
      expect(servedBy.slice(servedBy.indexOf(promoted)).filter((o) => o !== promoted)).toEqual([]);

      const exitCode = await project.exitCode('client-sim', CLIENT_MS + 120_000);
      const lines = await project.logLines('client-sim');
      const result = lines
        .map((l) => {
          try {
            return (JSON.parse(l) as { result?: Record<string, unknown> }).result;
          } catch {
            return undefined;
          }
        })
        .filter((r) => r !== undefined)
        .pop();
      const explain = `exit ${exitCode}; ${lines.slice(-5).join(' | ')}`;
      expect(result, explain).toBeDefined();
      expect(result?.violations, explain).toEqual([]);
      expect((result?.connections as { lost: number }).lost, explain).toBe(0);
      expect((result?.operations as { failed: number }).failed, explain).toBe(0);
      expect((result?.checks as { writesAcknowledged: number }).writesAcknowledged, explain).toBeGreaterThan(
        100,
      );
      expect(exitCode, explain).toBe(0);

      await nc.close();
      nc = undefined;
      await project.down();
      expect(await project.leftovers(), 'containers or networks left by compose down').toEqual([]);
      project = undefined;
    }, 600_000);
  },
  composeMissing,
);
