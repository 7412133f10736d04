/**
 * Drives an original guest and its restored copy in lockstep as one network node: every inbound packet and
 * timer goes to both; the copy's output is compared with the original's packet by packet, and the pages either
 * guest dirtied are compared byte for byte after every step (dirty logging makes that O(changed pages)).
 * The original's output still goes onto the network, so the workload runs on unchanged.
 */
import type { SimNetwork, SimNode } from '@vmha/guest-tcp';
import type { SimGuest } from './sim-guest.ts';

export class GuestTwin implements SimNode {
  readonly address: number;
  readonly addressText: string;
  readonly divergences: string[] = [];
  packetsCompared = 0;
  pagesCompared = 0;
  private readonly fromOriginal: Uint8Array[] = [];

  constructor(
    net: SimNetwork,
    readonly original: SimGuest,
    readonly copy: SimGuest,
    private readonly fromCopy: Uint8Array[],
  ) {
    this.address = original.stack.address;
    this.addressText = original.stack.addressText;
    net.observe((packet, from) => {
      if (from === this.address) this.fromOriginal.push(packet);
    });
    original.memory.startDirtyLogging();
    copy.memory.startDirtyLogging();
    net.attach(this);
  }

  input(packet: Uint8Array): void {
    this.original.stack.input(packet);
    this.copy.stack.input(new Uint8Array(packet)); // the stack keeps payload bytes: each gets its own
    this.compare('input');
  }

  tick(): void {
    this.original.stack.tick();
    this.copy.stack.tick();
    this.compare('tick');
  }

  nextDeadline(): number | undefined {
    const a = this.original.stack.nextDeadline();
    const b = this.copy.stack.nextDeadline();
    if (a !== b) this.diverged(`timer deadline ${a} vs ${b}`);
    return a;
  }

  private compare(what: string): void {
    const a = this.fromOriginal.splice(0);
    const b = this.fromCopy.splice(0);
    if (a.length !== b.length)
      this.diverged(`${what}: ${a.length} packets from the original, ${b.length} from the copy`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      this.packetsCompared++;
      if (Buffer.compare(a[i], b[i]) !== 0) this.diverged(`${what}: packet ${i} differs`);
    }
    const pages = new Set([
      ...this.original.memory.fetchAndClearDirty(),
      ...this.copy.memory.fetchAndClearDirty(),
    ]);
    for (const p of pages) {
      this.pagesCompared++;
      const a = this.original.memory.pageView(p);
      const b = this.copy.memory.pageView(p);
      if (Buffer.compare(a, b) !== 0) {
        const at = a.findIndex((x, i) => x !== b[i]);
        this.diverged(`${what}: guest page ${p} differs first at byte ${at} (${a[at]} vs ${b[at]})`);
      }
    }
  }

  private diverged(message: string): void {
    if (this.divergences.length < 10) this.divergences.push(message);
  }
}
