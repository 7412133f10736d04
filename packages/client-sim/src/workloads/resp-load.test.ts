import { describe, expect, it } from 'vitest';
import { runInSim } from '../host/sim-client-host.ts';
import { formatResult, reportToJson } from '../report/report.ts';
import { startFakeRespServer } from '../testing/fake-servers.ts';
import { simulatedPair } from '../testing/simulated-pair.ts';
import { startRespLoad, type RespLoadProgress } from './resp-load.ts';

describe('RESP load against a correct server', () => {
  it('runs 200 connections over a link with 1% loss and reordering with zero violations', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 31 });
    const fake = startFakeRespServer(server);
    const r = runInSim(
      net,
      startRespLoad(client, {
        address: serverAddress,
        connections: 200,
        stopAfter: { operations: 20_000 },
        keySpace: 300,
        counterKeys: 20,
        seed: 4,
      }),
    );
    expect(r.violations).toEqual([]);
    expect(r.connections).toEqual({ requested: 200, established: 200, lost: 0, unclosed: 0 });
    expect(r.operations).toMatchObject({ issued: 20_000, completed: 20_000, failed: 0, errorReplies: 0 });
    expect(r.operations.byKind.set + r.operations.byKind.get + r.operations.byKind.incr).toBe(20_000);
    // Every kind ran, and the checkers really checked: reads during the load and the verification pass.
    expect(r.operations.byKind.incr).toBeGreaterThan(2000);
    expect(r.checks.readsChecked).toBeGreaterThan(7000);
    expect(r.checks.incrementsAcknowledged).toBe(r.operations.byKind.incr);
    expect(r.verification).toMatchObject({ registersRead: 300, countersRead: 20 });
    expect(r.latency.all.count).toBe(20_000);
    expect(r.latency.all.p50Ms).toBeGreaterThanOrEqual(2); // at least the 2 ms round trip
    expect(r.latency.all.maxMs).toBeGreaterThanOrEqual(r.latency.all.p999Ms);
    // The counters on the server add up to the INCRs the client sent.
    let total = 0;
    for (const [k, v] of fake.store) if (k.startsWith('run4:c')) total += Number(v);
    expect(total).toBe(r.operations.byKind.incr);
    expect(net.stats.lost).toBeGreaterThan(50);
    expect(formatResult(r)).toContain('violations: none');
    expect(JSON.parse(reportToJson(r)).operations.completed).toBe(20_000);
  });

  it('pipelines commands with zero violations', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 32 });
    startFakeRespServer(server);
    const r = runInSim(
      net,
      startRespLoad(client, {
        address: serverAddress,
        connections: 20,
        pipeline: 16,
        stopAfter: { operations: 10_000 },
        keySpace: 50,
        counterKeys: 5,
        valueBytes: 200,
        seed: 5,
      }),
    );
    expect(r.violations).toEqual([]);
    expect(r.operations.completed).toBe(10_000);
    expect(r.checks.readsChecked).toBeGreaterThan(3000);
  });

  it('writes large values through a small send buffer with back-pressure and zero violations', () => {
    const { net, client, server, serverAddress } = simulatedPair({
      seed: 35,
      clientConfig: { sendBufferBytes: 4096 },
    });
    startFakeRespServer(server);
    const r = runInSim(
      net,
      startRespLoad(client, {
        address: serverAddress,
        connections: 4,
        pipeline: 8,
        stopAfter: { operations: 500 },
        keySpace: 20,
        valueBytes: 20_000,
      }),
    );
    expect(r.violations).toEqual([]);
    expect(r.operations.completed).toBe(500);
    expect(r.verification.registersRead).toBe(20);
  });

  it('stops after a duration of virtual time and reports progress on the way', () => {
    // A clean link, so the last replies arrive one round trip after the deadline.
    const { net, client, server, serverAddress } = simulatedPair({ seed: 33, link: { delayMs: 1 } });
    startFakeRespServer(server);
    const progress: RespLoadProgress[] = [];
    const r = runInSim(
      net,
      startRespLoad(client, {
        address: serverAddress,
        connections: 10,
        stopAfter: { durationMs: 2000 },
        onProgress: (p) => progress.push(p),
        progressIntervalMs: 500,
      }),
    );
    expect(r.violations).toEqual([]);
    expect(r.durationMs).toBeGreaterThanOrEqual(2000);
    expect(r.durationMs).toBeLessThanOrEqual(2002);
    expect(progress.map((p) => p.elapsedMs)).toEqual([500, 1000, 1500, 2000]);
    expect(progress[3].completed).toBeGreaterThan(progress[0].completed);
    expect(r.operations.completed).toBeGreaterThan(1000);
  });

  it('can be stopped early, aborting its connections', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 34, link: { delayMs: 1 } });
    startFakeRespServer(server);
    const run = startRespLoad(client, {
      address: serverAddress,
      connections: 5,
      stopAfter: { operations: 1e9 },
    });
    net.runFor(100);
    expect(run.finished).toBe(false);
    run.stop();
    expect(run.finished).toBe(true);
    expect(run.result?.stopped).toBe(true);
    expect(run.result?.violations).toEqual([]);
    expect(run.result?.operations.completed).toBeGreaterThan(10);
    expect(client.stack.sockets()).toHaveLength(0);
  });
});

describe('RESP load checkers catch a faulty server', () => {
  it('reports a lost acknowledged SET as a stale read, during the load and in the verification pass', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 41 });
    const fake = startFakeRespServer(server, { fault: { kind: 'lose-acknowledged-sets', fromSet: 200 } });
    const r = runInSim(
      net,
      startRespLoad(client, {
        address: serverAddress,
        connections: 50,
        stopAfter: { operations: 3000 },
        keySpace: 100,
      }),
    );
    expect(fake.stats.faultsInjected).toBeGreaterThan(0);
    expect(r.violations.length).toBeGreaterThan(0);
    expect(new Set(r.violations.map((v) => v.kind))).toEqual(new Set(['stale-read']));
    const keys = new Set(r.violations.map((v) => (v.kind === 'stale-read' ? v.key : '')));
    expect(keys.size).toBe(1);
    expect(r.violations.some((v) => v.kind === 'stale-read' && v.final && v.observed === null)).toBe(true);
  });

  it('reports an INCR answered below an earlier acknowledged value as a regressed counter', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 42 });
    const fake = startFakeRespServer(server, { fault: { kind: 'regress-incr', afterIncrements: 300 } });
    const r = runInSim(
      net,
      startRespLoad(client, {
        address: serverAddress,
        connections: 30,
        stopAfter: { operations: 3000 },
        mix: { set: 1, get: 1, incr: 3 },
        counterKeys: 3,
      }),
    );
    expect(fake.stats.faultsInjected).toBe(1);
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]).toMatchObject({ kind: 'counter-regressed' });
  });

  it('reports a reset connection and finishes the run on the others', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 43 });
    startFakeRespServer(server, { fault: { kind: 'reset-connection', afterCommands: 1000 } });
    const r = runInSim(
      net,
      startRespLoad(client, { address: serverAddress, connections: 20, stopAfter: { operations: 3000 } }),
    );
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]).toMatchObject({ kind: 'connection-reset' });
    expect(r.connections).toMatchObject({ established: 20, lost: 1, unclosed: 0 });
    // Only the command that drew the reset went unanswered.
    expect(r.operations.failed).toBe(1);
    expect(r.operations.completed).toBe(2999);
  });

  it('reports a server that speaks garbage as a protocol error per connection', () => {
    const { net, client, server, serverAddress } = simulatedPair({ seed: 44, link: {} });
    const listener = server.listen(6379);
    listener.on('connection', () => {
      const s = listener.accept();
      if (!s) return;
      s.on('readable', () => {
        while (s.read() !== null);
        s.write(new TextEncoder().encode('HTTP/1.1 400 Bad Request\r\n'));
      });
      s.on('end', () => s.close());
    });
    const r = runInSim(
      net,
      startRespLoad(client, {
        address: serverAddress,
        connections: 3,
        stopAfter: { operations: 100 },
        seed: 2,
      }),
    );
    const kinds = r.violations.map((v) => v.kind);
    expect(kinds.filter((k) => k === 'protocol-error')).toHaveLength(3);
    expect(r.connections.lost).toBe(3);
    // With every connection gone, what was written cannot be read back, and the report says so.
    expect(kinds.filter((k) => k !== 'protocol-error')).toEqual(['verification-incomplete']);
  });
});
