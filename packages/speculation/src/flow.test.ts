/**
 * One speculated flow's sender, scripted segment by segment: which recoveries a D-SACK (RFC 2883) may undo.
 * RFC 3708 §3.2 (and Linux's undo_retrans): a recovery was spurious only if every segment it resent arrived twice.
 */
import { ACK, parseTcpSegment, seqAdd, type TcpSegment } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import { SpeculativeFlow, zeroFlowCounters } from './flow.ts';

const MSS = 1000;
const GUEST = 0x0a000002;
const CLIENT = 0x0a000064;
const ISS = 10_000;

function scripted() {
  let now = 0;
  const sent: TcpSegment[] = [];
  const counters = zeroFlowCounters();
  const flow = new SpeculativeFlow(
    { guestAddress: GUEST, guestPort: 80, clientAddress: CLIENT, clientPort: 40_000 },
    { clientWindowShift: 0, timestamps: false, mss: MSS },
    { guestSeq: ISS, guestAck: 7, clientWindow: 60_000, clientTsVal: 0, passive: false },
    {
      now: () => now,
      toGuest: () => undefined,
      toNetwork: (p) => {
        const r = parseTcpSegment(p);
        if (r.ok) sent.push(r.segment);
      },
      counters,
    },
    1 << 20,
    { initialMs: 1000, minMs: 200, maxMs: 60_000, granularityMs: 1 },
  );
  const guestSegment = (i: number): TcpSegment => ({
    src: GUEST,
    dst: CLIENT,
    srcPort: 80,
    dstPort: 40_000,
    seq: seqAdd(ISS, i * MSS),
    ack: 7,
    flags: ACK,
    window: 60_000,
    options: {},
    payload: new Uint8Array(MSS).fill(i),
  });
  /** The client's ACK: cumulative up to segment `upTo` (exclusive), SACK blocks of segment ranges [from, to). */
  const ack = (upTo: number, sack: Array<[number, number]> = []) => {
    now += 1;
    flow.fromClient({
      src: CLIENT,
      dst: GUEST,
      srcPort: 40_000,
      dstPort: 80,
      seq: 7,
      ack: seqAdd(ISS, upTo * MSS),
      flags: ACK,
      window: 60_000,
      options: sack.length
        ? { sack: sack.map(([a, b]) => [seqAdd(ISS, a * MSS), seqAdd(ISS, b * MSS)]) }
        : {},
      payload: new Uint8Array(0),
    });
  };
  const resent = () =>
    sent.filter((s, i) => sent.findIndex((t) => t.seq === s.seq) !== i).map((s) => (s.seq - ISS) / MSS);
  return { flow, counters, sent, guestSegment, ack, resent };
}

/** Ten segments out; the client misses 2 (lost or late) and 5 (late), and SACKs the rest as it arrives. */
function recoveryOverTwoHoles(s: ReturnType<typeof scripted>) {
  for (let i = 0; i < 10; i++) s.flow.fromGuest(s.guestSegment(i), 1);
  s.flow.commit(1);
  expect(s.sent).toHaveLength(10);
  s.ack(2); // segments 0 and 1
  s.ack(2, [[3, 5]]);
  s.ack(2, [
    [3, 5],
    [6, 8],
  ]);
  s.ack(2, [
    [3, 5],
    [6, 10],
  ]); // both holes now count as lost: recovery resends 2 and 5
  expect(s.resent().sort()).toEqual([2, 5]);
}

describe('D-SACK undo', () => {
  it('a recovery every resent segment of which arrived twice was reordering: its window cut is undone', () => {
    const s = scripted();
    recoveryOverTwoHoles(s);
    // Both originals were only late: each arrives, then its retransmission is reported as a duplicate.
    s.ack(5, [[6, 10]]);
    s.ack(10, [[2, 3]]); // D-SACK for the resent 2
    expect(s.counters.undos).toBe(0); // 5's retransmission may still have been needed
    s.ack(10, [[5, 6]]); // D-SACK for the resent 5
    expect(s.counters.undos).toBe(1);
  });

  it('one duplicate among real repairs undoes nothing: the window stays cut', () => {
    const s = scripted();
    recoveryOverTwoHoles(s);
    // Segment 2 was lost (only its retransmission arrives); 5 was late, so its retransmission is a duplicate.
    s.ack(5, [[6, 10]]);
    s.ack(10, [[5, 6]]); // D-SACK for the resent 5 only
    s.ack(10);
    expect(s.counters.undos).toBe(0);
  });
});
