/**
 * Seeded random loss in front of a stack, on the datagrams a PacketPort delivers to it.
 *
 * Why this exists beside iptables: a DROP in Linux's OUTPUT chain is reported to Linux TCP as a local error, so
 * Linux just sends the segment again a moment later and the guest never sees a hole (the kernel's RetransSegs
 * stays 0). Dropping here, after the packet has left Linux, is a real wire loss toward the guest: its
 * reassembly, SACK generation and duplicate ACKs get exercised.
 */
import { SeededRandom } from '@vmha/guest-tcp';
import type { PacketPort } from './packet-port.ts';

export class LossyPort implements PacketPort {
  /** Probability of dropping each inbound datagram (toward the stack); 0 passes everything. */
  inboundLoss = 0;
  dropped = 0;
  private readonly rng: SeededRandom;

  constructor(
    private readonly inner: PacketPort,
    seed: number,
  ) {
    this.rng = new SeededRandom(seed);
  }

  send(packet: Uint8Array): void {
    this.inner.send(packet);
  }

  onPacket(handler: (packet: Uint8Array) => void): void {
    this.inner.onPacket((packet) => {
      if (this.inboundLoss > 0 && this.rng.next() < this.inboundLoss) {
        this.dropped++;
        return;
      }
      handler(packet);
    });
  }
}
