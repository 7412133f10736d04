/**
 * Flow control: RFC 7323 window scaling, zero-window probing (RFC 9293 §3.8.6.1), receiver-side silly window
 * avoidance (§3.8.6.2.2) and send-buffer back-pressure.
 */
import { describe, expect, it } from 'vitest';
import type { Connection } from './connection.ts';
import { runBulkTransfer, repeatingSource } from './testing/bulk.ts';
import { ScriptedPeer, SIM_B, decode, payload, segEnd, simPair } from './testing/scripted-peer.ts';
import type { TcpConfig } from './types.ts';

describe('window scaling (RFC 7323 §2)', () => {
  it('scales the peer’s window field by its shift, and ours by 2^7 for a 4 MiB buffer', () => {
    const peer = new ScriptedPeer({ nagle: false });
    const { socket, ack } = peer.openActive({ mss: 1460, windowScale: 2, window: 1000 });
    expect(socket.info().windowScale).toEqual({ send: 2, receive: 7 });
    // Our first ACK announces the free buffer scaled down by 2^7.
    expect(ack.window).toBe((4 * 1024 * 1024) / 128);
    peer.send({ window: 1000 });
    expect(socket.info().sendWindow).toBe(4000);
    peer.send({ window: 0xffff });
    expect(socket.info().sendWindow).toBe(0xffff * 4);
    // Received data shrinks the announced window by the scaled amount.
    peer.send({ payload: payload(12_800) });
    peer.advance(100);
    const acks = peer.take();
    const last = acks[acks.length - 1];
    expect(last.ack).toBe(peer.sndNxt);
    expect(last.window).toBe((4 * 1024 * 1024 - 12_800) / 128);
  });

  it('never sends past SND.UNA + the scaled window', () => {
    const peer = new ScriptedPeer({ nagle: false });
    const { socket } = peer.openActive({ mss: 1460, windowScale: 10 });
    peer.send({ window: 3 }); // 3 << 10 = 3072 bytes
    expect(socket.info().sendWindow).toBe(3072);
    socket.write(payload(20_000));
    const segs = peer.take();
    const sent = segs.reduce((n, s) => n + s.payload.length, 0);
    expect(sent).toBeLessThanOrEqual(3072);
    expect(sent).toBeGreaterThanOrEqual(2 * 1460);
    // Opening the window releases more.
    peer.send({ ack: segEnd(segs[segs.length - 1]), window: 10 });
    const more = peer.take().reduce((n, s) => n + s.payload.length, 0);
    expect(more).toBeGreaterThan(0);
    expect(more).toBeLessThanOrEqual(10 * 1024);
  });

  function highBdpRun(config: Partial<TcpConfig>) {
    // 100 ms RTT at 200 Mbit/s: a bandwidth-delay product of 2.5 MB.
    // A short MSL so the run's virtual time measures the transfer, not TIME-WAIT.
    const cfg = { mslMs: 1, ...config };
    const { net, a, b } = simPair({
      link: { delayMs: 50, bandwidthMbps: 200, queueBytes: 4 << 20 },
      a: cfg,
      b: cfg,
    });
    let maxInFlight = 0;
    let maxAnnounced = 0;
    let conn: Connection | undefined;
    net.observe((p, from) => {
      const s = decode(p);
      if (from === a.address) {
        conn ??= a.sockets()[0] as Connection | undefined;
        if (conn) maxInFlight = Math.max(maxInFlight, conn.info().bytesInFlight);
      } else if (!(s.flags & 0x02)) {
        const sock = b.sockets()[0];
        const shift = sock?.info().windowScale?.receive ?? 0;
        maxAnnounced = Math.max(maxAnnounced, s.window * 2 ** shift);
      }
    });
    const result = runBulkTransfer(net, a, b, 16 * 1024 * 1024, { seed: 2 });
    return { result, maxInFlight, maxAnnounced, seconds: result.virtualMs / 1000 };
  }

  it('with a 4 MiB buffer over a high-BDP link keeps far more than 64 KiB in flight', () => {
    const run = highBdpRun({});
    expect(run.result.bytes).toBe(16 * 1024 * 1024);
    expect(run.result.mismatches).toBe(0);
    expect(run.maxAnnounced).toBeGreaterThan(1024 * 1024);
    expect(run.maxInFlight).toBeGreaterThan(1024 * 1024);
    // Without scaling the same transfer is capped at 64 KiB per RTT, i.e. far slower.
    const capped = highBdpRun({ windowScaling: false });
    expect(capped.result.bytes).toBe(16 * 1024 * 1024);
    expect(capped.maxInFlight).toBeLessThanOrEqual(65535);
    expect(capped.maxAnnounced).toBeLessThanOrEqual(65535);
    expect(capped.seconds).toBeGreaterThan(run.seconds * 5);
  });
});

describe('zero window', () => {
  it('a sender facing a zero window stalls and probes with exponential back-off, then resumes', () => {
    const peer = new ScriptedPeer({ nagle: false });
    const { socket } = peer.openActive({ mss: 1460, windowScale: 0, rttMs: 100 }); // RTO 300 ms
    peer.send({ window: 4 * 1460 });
    socket.write(payload(20 * 1460));
    const first = peer.take();
    expect(first.reduce((n, s) => n + s.payload.length, 0)).toBe(4 * 1460);
    // The receiver takes everything but its buffer is now full: window 0.
    peer.rcvNxt = segEnd(first[first.length - 1]);
    peer.send({ window: 0 });
    expect(peer.take()).toEqual([]);
    const t0 = peer.clock.t;
    const rto = socket.info().rtoMs; // the persist interval starts at the RTO and doubles
    const probeTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = peer.advanceUntilOutput()!;
      const probe = peer.takeOne();
      expect(probe.payload.length).toBe(0);
      expect(probe.seq).toBe((peer.rcvNxt - 1) >>> 0); // SND.UNA - 1 elicits an ACK
      probeTimes.push(t - t0);
      peer.send({ window: 0 }); // still closed
    }
    expect(probeTimes).toEqual([1, 3, 7, 15, 31].map((k) => k * rto));
    expect(peer.stack.stats.zeroWindowProbes).toBe(5);
    expect(socket.unacknowledgedLength).toBe(16 * 1460);
    // The window opens: the transfer resumes at once.
    peer.send({ window: 8 * 1460 });
    const resumed = peer.take();
    expect(resumed.reduce((n, s) => n + s.payload.length, 0)).toBe(8 * 1460);
    expect(resumed[0].seq).toBe(peer.rcvNxt);
    expect(ScriptedPeer.payloadOf([...first, ...resumed])).toEqual(payload(12 * 1460));
  });

  it('a receiver that stops reading stalls the sender, which probes; reading again completes the transfer', () => {
    const { net, a, b } = simPair({ link: { delayMs: 5 }, b: { receiveBufferBytes: 64 * 1024 } });
    const total = 1024 * 1024;
    const src = repeatingSource(6);
    const listener = b.listen(5001);
    let server: Connection | undefined;
    let reading = true;
    let received = 0;
    let mismatches = 0;
    const drain = (): void => {
      if (!server || !reading) return;
      for (let d; (d = server.read()) !== null;) {
        const expect_ = src.at(received, d.length);
        for (let i = 0; i < d.length; i++) if (d[i] !== expect_[i]) mismatches++;
        received += d.length;
      }
    };
    listener.on('connection', () => {
      server = listener.accept() as Connection;
      server.on('readable', drain);
    });
    const client = a.connect(SIM_B, 5001);
    let written = 0;
    const pump = (): void => {
      while (written < total) {
        const n = client.write(src.at(written, Math.min(64 * 1024, total - written)));
        if (n === 0) return;
        written += n;
      }
    };
    client.on('connect', pump);
    client.on('writable', pump);
    const probeTimes: number[] = [];
    let zeroWindowAcks = 0;
    net.observe((p, from) => {
      const s = decode(p);
      if (from === a.address && a.stats.zeroWindowProbes > probeTimes.length) probeTimes.push(net.clock.t);
      if (from === b.address && s.window === 0 && !(s.flags & 0x02)) zeroWindowAcks++;
    });
    net.runUntil(() => received >= 200 * 1024);
    reading = false;
    net.runFor(20_000);
    const stalledAt = received;
    const sentWhileStalled = a.stats.bytesOut;
    net.runFor(20_000);
    expect(received).toBe(stalledAt);
    expect(a.stats.bytesOut).toBe(sentWhileStalled); // no data past the closed window
    expect(zeroWindowAcks).toBeGreaterThan(0);
    expect(probeTimes.length).toBeGreaterThanOrEqual(4);
    const gaps = probeTimes.slice(1).map((t, i) => t - probeTimes[i]);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1]);
    expect(gaps[gaps.length - 1]).toBeGreaterThan(gaps[0] * 3);
    // Reading resumes: the window update restarts the transfer and every byte arrives intact.
    reading = true;
    b.run(drain);
    net.runUntil(() => received === total, net.clock.t + 120_000);
    expect(mismatches).toBe(0);
    expect(received).toBe(total);
  });
});

describe('receiver silly window syndrome avoidance (RFC 9293 §3.8.6.2.2)', () => {
  function fullReceiver() {
    const peer = new ScriptedPeer({ receiveBufferBytes: 8192 });
    const { socket, synAck } = peer.openPassive({ mss: 1460 });
    expect(synAck.window).toBe(8192);
    expect(socket.info().windowScale).toBeUndefined(); // an 8 KiB buffer needs no scaling
    for (let off = 0; off < 8192; off += 1460)
      peer.send({ payload: payload(Math.min(1460, 8192 - off), off) });
    peer.advance(100);
    const acks = peer.take();
    expect(acks[acks.length - 1].window).toBe(0);
    expect(acks[acks.length - 1].ack).toBe(peer.sndNxt);
    return { peer, socket };
  }

  it('does not announce a small window opening, even when asked by a probe', () => {
    const { peer, socket } = fullReceiver();
    expect(socket.read(100)).toEqual(payload(100));
    expect(peer.take()).toEqual([]); // no window update for 100 bytes
    peer.send({ seq: (peer.sndNxt - 1) >>> 0, advance: false }); // zero-window probe
    const reply = peer.takeOne();
    expect(reply.window).toBe(0);
    // Data sent into the unannounced space is not accepted.
    peer.send({ payload: payload(50, 8192), advance: false });
    const nack = peer.takeOne();
    expect(nack.ack).toBe(peer.sndNxt);
    expect(socket.readableLength).toBe(8192 - 100);
  });

  it('announces the window once it can open by at least one MSS, without waiting for the sender', () => {
    const { peer, socket } = fullReceiver();
    socket.read(100);
    socket.read(1300);
    expect(peer.take()).toEqual([]); // 1400 < MSS
    socket.read(100);
    const update = peer.takeOne();
    expect(update.window).toBe(1500);
    expect(update.ack).toBe(peer.sndNxt);
    const rest = socket.read()!;
    expect(rest.length).toBe(8192 - 1500);
    const update2 = peer.takeOne();
    expect(update2.window).toBe(8192);
  });

  it('a receiver with a zero window still accepts the ACK of an in-sequence probe (§3.10.7.4)', () => {
    const { peer, socket } = fullReceiver();
    socket.write(payload(100));
    const data = peer.takeOne();
    // Peer's probe at RCV.NXT with one byte, acknowledging our data: the byte is refused, the ACK taken.
    peer.send({ payload: payload(1, 8192), ack: segEnd(data), advance: false });
    expect(socket.unacknowledgedLength).toBe(0);
    expect(socket.readableLength).toBe(8192);
    expect(peer.takeOne().ack).toBe(peer.sndNxt);
  });
});

describe('send-buffer back-pressure', () => {
  it('write() accepts only what fits and emits writable once ACKs free a quarter of the buffer', () => {
    const peer = new ScriptedPeer({ sendBufferBytes: 16_384, nagle: false });
    const { socket } = peer.openActive({ mss: 1460, windowScale: 7 });
    const total = 100_000;
    const data = payload(total, 0, 12);
    let writableEvents = 0;
    let written = socket.write(data);
    expect(written).toBe(16_384);
    expect(socket.writableLength).toBe(0);
    expect(socket.write(data.subarray(written))).toBe(0);
    socket.on('writable', () => {
      writableEvents++;
      written += socket.write(data.subarray(written));
    });
    const got: ReturnType<ScriptedPeer['take']> = [];
    // Acknowledge one segment: 1460 bytes free is below the low-water mark, no event.
    let segs = peer.take();
    got.push(...segs);
    peer.send({ ack: segEnd(segs[0]) });
    expect(writableEvents).toBe(0);
    let maxQueued = 0;
    let rounds = 0;
    while (peer.rcvNxt !== (got[0].seq + total) >>> 0 && rounds++ < 1000) {
      segs = peer.take();
      got.push(...segs);
      const last = segs[segs.length - 1];
      if (last) peer.send({ ack: segEnd(last) });
      else peer.advance(10);
      maxQueued = Math.max(maxQueued, socket.unacknowledgedLength);
    }
    expect(writableEvents).toBeGreaterThanOrEqual(5);
    expect(maxQueued).toBeLessThanOrEqual(16_384);
    expect(written).toBe(total);
    expect(ScriptedPeer.payloadOf(got)).toEqual(data);
  });
});
