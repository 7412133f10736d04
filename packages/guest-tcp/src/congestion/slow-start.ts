/**
 * Slow start's growth on one ACK: cwnd grows by every byte the ACK newly acknowledges, up to ssthresh (RFC 5681
 * §3.1 with byte counting, RFC 3465). Returns the new cwnd; bytes beyond ssthresh are the caller's for
 * congestion avoidance.
 *
 * RFC 3465 §2.2 also caps growth at L = 2*SMSS per ACK, to bound bursts. We follow Linux (tcp_slow_start, since
 * the 2014 stretch-ACK fixes) and do not: receivers that coalesce a burst of segments into one ACK (GRO, and our
 * own `TcpStack.inputBurst`) send stretch ACKs covering many segments, and with the cap slow start would grow by
 * 2*SMSS per burst, linearly, rather than doubling per round trip.
 */
export function slowStart(cwnd: number, ssthresh: number, ackedBytes: number): number {
  return Math.min(cwnd + ackedBytes, Math.max(ssthresh, cwnd));
}
