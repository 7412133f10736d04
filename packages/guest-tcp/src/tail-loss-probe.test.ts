/**
 * RFC 8985 §7 tail loss probes and RFC 2883 D-SACK: a lost tail segment, or a lost final ACK, is recovered by a
 * probe after about two round trips instead of a retransmission timeout; a probe that repaired nothing (the
 * receiver reports it as a duplicate with D-SACK) costs no window reduction.
 */
import { describe, expect, it } from 'vitest';
import { ACK, PSH, SimNetwork, parseTcpSegment, type TcpSocket, type TcpStack } from './index.ts';
import { patternChunk } from './testing/index.ts';

const SEGMENTS = 20;

interface Setup {
  net: SimNetwork;
  a: TcpStack;
  b: TcpStack;
  client: TcpSocket;
  received: () => number;
}

function connected(): Setup {
  const net = new SimNetwork({ seed: 5, link: { delayMs: 5 } });
  const a = net.addStack({ address: '10.3.0.1', seed: 1 });
  const b = net.addStack({ address: '10.3.0.2', seed: 2 });
  let received = 0;
  const l = b.listen(7);
  l.on('connection', () => {
    const s = l.accept();
    s?.on('readable', () => {
      let d: Uint8Array | null;
      while ((d = s.read()) !== null) received += d.length;
    });
  });
  const client = a.connect('10.3.0.2', 7, { noDelay: true });
  net.runUntil(() => client.state === 'ESTABLISHED' && received === 0);
  net.runFor(50);
  return { net, a, b, client, received: () => received };
}

function segmentsFrom(net: SimNetwork, from: TcpStack) {
  const seen: Array<ReturnType<typeof parseTcpSegment>> = [];
  net.observe((p, src) => {
    if (src === from.address) seen.push(parseTcpSegment(p));
  });
  return seen;
}

describe('tail loss probe', () => {
  it('recovers a lost last segment with a probe, not a retransmission timeout, and reacts to the loss', () => {
    const { net, a, b, client, received } = connected();
    const total = SEGMENTS * client.info().mss;
    let dropped = false;
    net.observe((p, src) => {
      const r = parseTcpSegment(p);
      // The segment that ends the write carries PSH: lose its first transmission.
      if (src === a.address && r.ok && r.segment.flags & PSH && !dropped) {
        dropped = true;
        return 'drop';
      }
    });
    const started = net.clock.t;
    a.run(() => client.write(patternChunk(1, 0, total)));
    net.runUntil(() => received() === total && client.info().bytesInFlight === 0, 10_000);
    const srtt = client.info().srttMs!;
    expect(dropped).toBe(true);
    expect(a.stats.tailLossProbes).toBe(1);
    expect(a.stats.retransmitTimeouts).toBe(0);
    // One segment was in flight, so the probe waited 2*SRTT + the worst-case delayed ACK, capped at the RTO.
    expect(net.clock.t - started).toBeGreaterThan(2 * srtt);
    // The probe repaired a real loss: the controller reduced (RFC 8985 §7.4), but not to the RTO's one segment.
    const info = client.info();
    expect(info.ssthresh).toBeLessThan(Number.MAX_SAFE_INTEGER);
    expect(info.cwnd).toBeGreaterThan(2 * info.mss);
    void b;
  });

  it('probes after two round trips when the lost tail leaves several segments unacknowledged', () => {
    const { net, a, client, received } = connected();
    const total = SEGMENTS * client.info().mss;
    let acksDropped = 0;
    net.observe((_p, src) => {
      // Lose every ACK for the second half of the flight until a probe goes out: the sender hears nothing
      // back about its tail, with many segments outstanding.
      if (src !== a.address && received() > total / 2 && a.stats.tailLossProbes === 0) {
        acksDropped++;
        return 'drop';
      }
    });
    const started = net.clock.t;
    a.run(() => client.write(patternChunk(4, 0, total)));
    net.runUntil(() => received() === total && client.info().bytesInFlight === 0, 10_000);
    expect(acksDropped).toBeGreaterThan(3);
    expect(a.stats.tailLossProbes).toBeGreaterThanOrEqual(1);
    expect(a.stats.retransmitTimeouts).toBe(0);
    expect(net.clock.t - started).toBeLessThan(200);
  });

  it('answers a lost final ACK with a probe that the receiver reports as a D-SACK, with no window reduction', () => {
    const { net, a, b, client, received } = connected();
    const total = SEGMENTS * client.info().mss;
    const fromB = segmentsFrom(net, b);
    let finalAcksDropped = 0;
    net.observe((p, src) => {
      const r = parseTcpSegment(p);
      // Lose the ACKs for the complete stream (including the window update after reading) until a probe goes.
      if (
        src === b.address &&
        r.ok &&
        r.segment.flags & ACK &&
        received() === total &&
        a.stats.tailLossProbes === 0
      ) {
        finalAcksDropped++;
        return 'drop';
      }
    });
    a.run(() => client.write(patternChunk(2, 0, total)));
    net.runUntil(() => client.info().bytesInFlight === 0 && received() === total, 10_000);
    expect(finalAcksDropped).toBeGreaterThan(0);
    expect(a.stats.tailLossProbes).toBe(1);
    expect(a.stats.retransmitTimeouts).toBe(0);
    // The receiver saw the probe as a duplicate and said so in a D-SACK block below its cumulative ACK.
    const dsacks = fromB.filter(
      (r) => r.ok && r.segment.options.sack?.some(([, right]) => ((right - r.segment.ack) | 0) <= 0),
    );
    expect(dsacks.length).toBe(1);
    // No loss happened, so no congestion response.
    expect(client.info().ssthresh).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('does not probe when nothing is outstanding', () => {
    const { net, a, client, received } = connected();
    const total = 4 * client.info().mss;
    a.run(() => client.write(patternChunk(3, 0, total)));
    net.runUntil(() => received() === total && client.info().bytesInFlight === 0);
    net.runFor(5_000);
    expect(a.stats.tailLossProbes).toBe(0);
    expect(a.nextDeadline()).toBeUndefined();
  });
});
