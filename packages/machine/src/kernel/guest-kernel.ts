/**
 * The guest kernel: the guest-tcp stack bound to the NIC driver and the vCPU's clock. It is what a slice runs
 * (VcpuWork): at a slice start it takes packets from the RX ring into the stack; timers are the stack's.
 * Its state is the stack's saveState() bytes in a versioned record; the driver's state is in guest memory.
 */
import {
  TcpStack,
  type Clock,
  type ReplicationStatus,
  type StateCopy,
  type TcpConfig,
} from '@vmha/guest-tcp';
import type { NicLayout } from '../devices/virtio-net-layout.ts';
import { SnapshotFormatError } from '../errors.ts';
import type { GuestMemory } from '../guest-memory.ts';
import { ByteReader, ByteWriter, readRecordHeader, writeRecordHeader } from '../snapshot/byte-codec.ts';
import type { VcpuWork } from '../vcpu.ts';
import { NicDriver } from './nic-driver.ts';

export const KERNEL_RECORD_VERSION = 1;
const KERNEL_MAGIC = 'GKRN';
/** The record's header before the stack's state: magic u32, version u32, state length u32 (ByteWriter's `bytes`). */
const KERNEL_HEADER_BYTES = 12;

export interface KernelBootOptions {
  readonly memory: GuestMemory;
  readonly layout: NicLayout;
  readonly clock: Clock;
  readonly address: number;
  readonly seed: number;
  readonly tcp: Partial<TcpConfig>;
  /** The NIC's paravirtual replication registers, as the guest's TCP reads them. */
  readonly replicationStatus: () => ReplicationStatus | undefined;
}

export class GuestKernel implements VcpuWork {
  private constructor(
    readonly stack: TcpStack,
    readonly driver: NicDriver,
  ) {}

  /** First boot: probes the NIC (posting RX buffers) and starts a fresh stack. */
  static boot(o: KernelBootOptions): GuestKernel {
    const driver = new NicDriver(o.memory, o.layout);
    driver.init();
    const stack = new TcpStack({
      ...o.tcp,
      address: o.address,
      seed: o.seed,
      clock: o.clock,
      output: driver.transmit,
      replicationStatus: o.replicationStatus,
    });
    return new GuestKernel(stack, driver);
  }

  /** Rebuilds the kernel from its record; the driver picks up its state from (already restored) memory. */
  static restore(
    record: Uint8Array,
    o: {
      readonly memory: GuestMemory;
      readonly layout: NicLayout;
      readonly clock: Clock;
      readonly replicationStatus: () => ReplicationStatus | undefined;
    },
  ): GuestKernel {
    const stackState = GuestKernel.decodeRecord(record);
    const driver = new NicDriver(o.memory, o.layout);
    let stack: TcpStack;
    try {
      stack = TcpStack.restore(stackState, {
        clock: o.clock,
        output: driver.transmit,
        replicationStatus: o.replicationStatus,
      });
    } catch (e) {
      throw new SnapshotFormatError(
        `kernel record: the guest-tcp state is invalid: ${(e as Error).message}`,
        { cause: e },
      );
    }
    return new GuestKernel(stack, driver);
  }

  /**
   * Checks that a kernel record restores: its guest-tcp state is rebuilt in full, into a stack that is dropped.
   * A backup does this for every checkpoint before acking it, so it never acks a state it could not resume from
   * (and the restore path is warm when a failover needs it).
   */
  static checkRecord(record: Uint8Array): void {
    const stackState = GuestKernel.decodeRecord(record);
    try {
      TcpStack.checkState(stackState);
    } catch (e) {
      throw new SnapshotFormatError(
        `kernel record: the guest-tcp state is invalid: ${(e as Error).message}`,
        { cause: e },
      );
    }
  }

  static decodeRecord(record: Uint8Array): Uint8Array {
    const r = new ByteReader(record, 'kernel record');
    readRecordHeader(r, KERNEL_MAGIC, KERNEL_RECORD_VERSION, 'kernel record');
    const stackState = r.bytes('guest-tcp state');
    r.end();
    return stackState;
  }

  saveRecord(): Uint8Array {
    return this.saveRecordWithCopies().record;
  }

  /** The record, and the ranges it kept from the record saved last time (the stack's queues: see TcpStack). */
  saveRecordWithCopies(): { record: Uint8Array; copies: StateCopy[] } {
    // The stack writes its state after room for the record's header (magic, version, state length), which is
    // filled in place: the record is the stack's buffer, not a copy of megabytes of socket queues.
    const { bytes: record, copies } = this.stack.saveStateWithCopies({ headroom: KERNEL_HEADER_BYTES });
    const w = new ByteWriter(KERNEL_HEADER_BYTES);
    writeRecordHeader(w, KERNEL_MAGIC, KERNEL_RECORD_VERSION);
    w.u32(record.length - KERNEL_HEADER_BYTES);
    record.set(w.finish());
    return { record, copies };
  }

  // --- VcpuWork ------------------------------------------------------------------------------------------

  sliceStart(): number {
    // One poll of the RX ring is one burst (NAPI): its in-order data is ACKed once, after the apps have read it.
    const packets = this.driver.receive();
    if (packets.length > 0) this.stack.inputBurst(packets);
    return packets.length;
  }

  nextTimerAt(): number | undefined {
    return this.stack.nextDeadline();
  }

  fireTimers(): void {
    this.stack.tick();
  }
}
