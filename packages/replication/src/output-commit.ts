/**
 * Output commit (Remus §3.3): every packet the guest transmits during epoch e is held until the backup acks
 * checkpoint e, because until then a failover would resume the guest from a state that never sent it. Packets
 * leave in the order the guest sent them. The buffer is bounded: past its capacity a packet is dropped and
 * counted, as a full NIC queue would drop it, and the guest's TCP retransmits it.
 */

export interface OutputCommitOptions {
  /** Most bytes held at once (default 64 MiB). */
  maxBytes?: number;
}

export interface OutputCommitCounters {
  held: number;
  released: number;
  droppedFull: number;
  /** Packets discarded because their epoch will never be acked (fencing, resync, failover). */
  discarded: number;
}

export class OutputCommitBuffer {
  readonly counters: OutputCommitCounters = { held: 0, released: 0, droppedFull: 0, discarded: 0 };
  private readonly maxBytes: number;
  private epochs: number[] = [];
  private packets: Uint8Array[] = [];
  private head = 0;
  private bytes = 0;
  private releasedThrough = -1;

  constructor(options: OutputCommitOptions = {}) {
    this.maxBytes = options.maxBytes ?? 64 << 20;
  }

  /**
   * Holds `packet`, produced during `epoch`. Epochs must not go backwards (the guest runs forward in time); a
   * packet of an epoch already released could not be held back any more and is a caller bug.
   */
  hold(epoch: number, packet: Uint8Array): boolean {
    const last = this.epochs.length > this.head ? this.epochs[this.epochs.length - 1] : this.releasedThrough;
    if (epoch < last || epoch <= this.releasedThrough) {
      throw new RangeError(`packet of epoch ${epoch} after epoch ${Math.max(last, this.releasedThrough)}`);
    }
    if (this.bytes + packet.length > this.maxBytes) {
      this.counters.droppedFull++;
      return false;
    }
    this.epochs.push(epoch);
    this.packets.push(packet);
    this.bytes += packet.length;
    this.counters.held++;
    return true;
  }

  /** The ack for `epoch` arrived: every packet of epochs up to it, in order. */
  release(epoch: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    while (this.head < this.epochs.length && this.epochs[this.head] <= epoch) {
      const p = this.packets[this.head];
      out.push(p);
      this.bytes -= p.length;
      this.head++;
    }
    this.releasedThrough = Math.max(this.releasedThrough, epoch);
    this.counters.released += out.length;
    this.compact();
    return out;
  }

  /**
   * Starts epoch numbering afresh (a new replication stream numbers its checkpoints from 1 again). Only while
   * nothing is held: held packets belong to the old numbering.
   */
  rebase(): void {
    if (this.epochs.length > this.head) throw new Error('rebase with packets held');
    this.epochs = [];
    this.packets = [];
    this.head = 0;
    this.releasedThrough = -1;
  }

  /** Drops everything held (this VMM may no longer release: fenced, or the guest rolled back). */
  discardAll(): number {
    const n = this.epochs.length - this.head;
    this.counters.discarded += n;
    this.epochs = [];
    this.packets = [];
    this.head = 0;
    this.bytes = 0;
    return n;
  }

  /** For metrics: what is held now. */
  get occupancy(): { packets: number; bytes: number; oldestEpoch: number | undefined } {
    const packets = this.epochs.length - this.head;
    return { packets, bytes: this.bytes, oldestEpoch: packets > 0 ? this.epochs[this.head] : undefined };
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.epochs.length) {
      this.epochs = this.epochs.slice(this.head);
      this.packets = this.packets.slice(this.head);
      this.head = 0;
    }
  }
}
