/**
 * The emulated machine: guest memory, one vCPU, the paravirtual NIC, the guest kernel and the programs, with
 * versioned full and incremental save/restore. This is the whole API a VMM (or the migrator) uses.
 *
 * The state rule: the guest is its memory plus three versioned records (vCPU, NIC device, guest kernel).
 * Programs keep their state in their memory regions; after a restore the machine calls their resume(), and they
 * rebuild their view from memory and the kernel's sockets. Saves are taken with the vCPU stopped.
 */
import { createHash } from 'node:crypto';
import type { ReplicationStatus, SocketInfo, StateCopy, TcpStats } from '@vmha/guest-tcp';
import { VirtioNet, type NicCounters, type NicDeviceState } from './devices/virtio-net.ts';
import { nicLayout, type NicGeometry, type NicLayout } from './devices/virtio-net-layout.ts';
import { GuestFault, MachineStateError, SnapshotMismatchError } from './errors.ts';
import { GuestMemory } from './guest-memory.ts';
import { GuestKernel } from './kernel/guest-kernel.ts';
import type { DriverCounters } from './kernel/nic-driver.ts';
import { resolveMachineConfig, type MachineConfig } from './machine-config.ts';
import {
  checkPrograms,
  checkRegionTable,
  layoutRegions,
  matchPrograms,
  type RegionEntry,
} from './memory-map.ts';
import type { GuestEnv, GuestProgram } from './program.ts';
import {
  applyPages,
  decodeSnapshot,
  encodeSnapshot,
  inspectSnapshot,
  newChainId,
  type DecodedSnapshot,
  type SnapshotInfo,
  type SnapshotRecords,
} from './snapshot/format.ts';
import { Vcpu, type SliceReport, type VcpuRunState, type VcpuState } from './vcpu.ts';
import {
  decodeMachineRecords,
  encodeLayoutRecord,
  type MachineRecords,
} from './replication/machine-records.ts';
import type { MachineReplica } from './replication/machine-replica.ts';
import { PageCrcTable } from './replication/page-crc-table.ts';
import { CaptureStaging } from './replication/capture-staging.ts';

/**
 * One epoch's checkpoint as captured with the vCPU stopped (Remus' stop-and-copy into a staging buffer): the
 * pages written since the previous capture, copied, every state record, and the digest of the whole state.
 */
export interface CheckpointCapture {
  /** Page indices, in the order their copies sit in `staging`. */
  readonly pages: Uint32Array;
  /**
   * `pages.length` pages of 4 KiB, back to back: the contents at the capture instant. The machine's reused
   * staging buffer: valid until the next capture (reading it later throws).
   */
  readonly staging: Uint8Array;
  readonly records: MachineRecords;
  /**
   * For records whose producer knows what they kept from the previous capture's (the kernel's TCP queues): the
   * ranges kept, so an encoder can send them without searching (checked there, never trusted blindly).
   */
  readonly recordCopies: Partial<Record<keyof MachineRecords, readonly StateCopy[]>>;
  /**
   * `PageCrcTable` digest of memory and records at the capture instant (what the backup must report). Computed on
   * first read, from the staging copy, so after the vCPU resumed; read it before the next capture.
   */
  readonly digest: string;
}

/** SHA-256 digests (hex) of the guest state: all of memory, and the vCPU, NIC and kernel records together. */
export interface MachineDigest {
  readonly memory: string;
  readonly records: string;
}

export interface MachineCounters {
  readonly vcpu: { readonly slices: number; readonly timerExpiries: number; readonly virtualNowMs: number };
  /** Device side: what the host put in and took out, and what the device dropped. */
  readonly nic: NicCounters;
  /** Guest side: the kernel's NIC driver (its counters live in guest memory). */
  readonly driver: DriverCounters;
  readonly tcp: TcpStats;
  /** Pages dirtied since the last save (0 while dirty logging is off). */
  readonly dirtyPages: number;
}

/**
 * Where the machine stands in a checkpoint chain. A `source` has taken a full save and may take deltas; a
 * `replica` was restored from a chain and accepts its next delta, as long as it stays untouched (not resumed,
 * no packets delivered or taken).
 */
export type ChainPosition =
  | { readonly kind: 'none' }
  | { readonly kind: 'source'; readonly chainId: string; readonly seq: number }
  | { readonly kind: 'replica'; readonly chainId: string; readonly seq: number };

interface Tracking {
  readonly crcs: PageCrcTable;
  readonly staging: CaptureStaging;
  readonly generation: number;
}

interface ProgramSlot {
  readonly program: GuestProgram;
  readonly region: RegionEntry;
}

export class Machine {
  readonly memory: GuestMemory;
  private readonly regionTable: readonly RegionEntry[];
  private readonly programs: readonly ProgramSlot[];
  private vcpu: Vcpu;
  private nic: VirtioNet;
  private kernel: GuestKernel;
  private chain: ChainPosition = { kind: 'none' };
  /** The memory's logging generation when this machine's chain started (a restart would lose dirty pages). */
  private chainLoggingGeneration = -1;
  /** Page CRCs as of the last capture and its staging buffer, while page tracking (replication or migration) is on. */
  private tracking: Tracking | undefined;

  private constructor(
    memory: GuestMemory,
    programs: readonly ProgramSlot[],
    vcpu: Vcpu,
    nic: VirtioNet,
    kernel: GuestKernel,
  ) {
    this.memory = memory;
    this.programs = programs;
    this.regionTable = programs.map((p) => p.region);
    this.vcpu = vcpu;
    this.nic = nic;
    this.kernel = kernel;
  }

  // --- Lifecycle ---------------------------------------------------------------------------------------------

  /** Boots a machine: lays out memory, probes the NIC, starts the kernel and boots each program in order. */
  static create(config: MachineConfig, programs: readonly GuestProgram[]): Machine {
    const c = resolveMachineConfig(config);
    checkPrograms(programs);
    const layout = nicLayout(c.nic);
    const regions = layoutRegions(programs, layout.end, c.memoryBytes);
    const memory = new GuestMemory(c.memoryBytes);
    const vcpu = Vcpu.boot(c.startMs);
    const nic = VirtioNet.create(memory, c.nic);
    const kernel = GuestKernel.boot({
      memory,
      layout,
      clock: vcpu.clock,
      address: c.address,
      seed: c.seed,
      tcp: c.tcp,
      replicationStatus: () => nic.replication,
    });
    const machine = new Machine(
      memory,
      programs.map((program, i) => ({ program, region: regions[i] })),
      vcpu,
      nic,
      kernel,
    );
    for (const slot of machine.programs) machine.enterProgram(slot, 'boot');
    return machine;
  }

  /**
   * A machine from a full snapshot, its programs matched to their regions by name and resumed. Its vCPU is as
   * saved (paused); it accepts the chain's deltas (applyIncremental) until it is resumed or touched.
   */
  static restore(full: Uint8Array, programs: readonly GuestProgram[]): Machine {
    const s = decodeSnapshot(full);
    if (s.kind !== 'full') {
      throw new SnapshotMismatchError(
        `Machine.restore needs a full snapshot; this is delta ${s.seq} of chain ${s.chainId} (use applyIncremental)`,
      );
    }
    const parts = decodeParts(s);
    const slots = matchPrograms(s.regions, programs);
    const memory = new GuestMemory(s.memoryBytes);
    const vcpu = Vcpu.fromState(parts.vcpu);
    const nic = VirtioNet.fromState(memory, parts.nic);
    const kernel = GuestKernel.restore(s.records.kernel, {
      memory,
      layout: nic.layout,
      clock: vcpu.clock,
      replicationStatus: () => nic.replication,
    });
    applyPages(s, memory);
    const machine = new Machine(memory, slots, vcpu, nic, kernel);
    machine.chain = { kind: 'replica', chainId: s.chainId, seq: 0 };
    for (const slot of machine.programs) machine.enterProgram(slot, 'resume');
    return machine;
  }

  /**
   * Applies the next delta of the chain this machine was restored from, atomically: the delta is decoded and
   * validated completely (records included) before any page is written. Programs are resumed afterwards.
   */
  applyIncremental(delta: Uint8Array): void {
    const s = decodeSnapshot(delta);
    if (s.kind !== 'incremental') {
      throw new SnapshotMismatchError(
        `applyIncremental needs a delta; this is a full snapshot (use Machine.restore)`,
      );
    }
    const here = this.chain;
    if (here.kind !== 'replica') {
      const why =
        here.kind === 'source'
          ? 'this machine is the source of its own chain'
          : 'this machine was not restored from a chain, or has run or been touched since';
      throw new SnapshotMismatchError(`cannot apply delta ${s.seq} of chain ${s.chainId}: ${why}`);
    }
    if (s.chainId !== here.chainId || s.seq !== here.seq + 1) {
      throw new SnapshotMismatchError(
        `delta ${s.seq} of chain ${s.chainId} does not follow this machine's state (chain ${here.chainId} at save ` +
          `${here.seq}): deltas apply in order, each exactly once, to the chain they came from`,
      );
    }
    if (s.memoryBytes !== this.memory.size) {
      throw new SnapshotMismatchError(
        `delta is for ${s.memoryBytes} bytes of memory; this machine has ${this.memory.size}`,
      );
    }
    if (!sameRegions(s.regions, this.regionTable)) {
      throw new SnapshotMismatchError("delta's region table differs from this machine's");
    }
    const parts = decodeParts(s);
    if (!sameGeometry(parts.nic.geometry, this.nic.layout)) {
      throw new SnapshotMismatchError("delta's NIC geometry differs from this machine's");
    }
    // Build every new component first: a bad record must leave the machine exactly as it was.
    const vcpu = Vcpu.fromState(parts.vcpu);
    const nic = VirtioNet.fromState(this.memory, parts.nic);
    const kernel = GuestKernel.restore(s.records.kernel, {
      memory: this.memory,
      layout: nic.layout,
      clock: vcpu.clock,
      replicationStatus: () => this.nic.replication, // (this.nic is the new device by the time it is read)
    });
    applyPages(s, this.memory);
    this.vcpu = vcpu;
    this.nic = nic;
    this.kernel = kernel;
    this.chain = { kind: 'replica', chainId: s.chainId, seq: s.seq };
    for (const slot of this.programs) this.enterProgram(slot, 'resume');
  }

  /** Validates snapshot bytes completely and describes them, without applying anything. */
  static inspectSnapshot(bytes: Uint8Array): SnapshotInfo {
    return inspectSnapshot(bytes);
  }

  // --- Running -------------------------------------------------------------------------------------------

  /** Host → guest: writes an IPv4 datagram into the RX ring. False, and a counted drop, when it cannot. */
  deliver(packet: Uint8Array): boolean {
    this.leaveReplica();
    return this.nic.deliver(packet);
  }

  /**
   * Runs the guest up to virtual time `untilMs`: packets in the RX ring are handled at the slice start, then
   * timers fire at their deadlines. Throws MachineStateError unless running; GuestFault if guest code fails.
   */
  runSlice(untilMs: number): SliceReport {
    return this.vcpu.runSlice(untilMs, this.kernel);
  }

  /**
   * Guest → host: the packets the guest transmitted since the last call, in order. Each is a private copy, but a
   * view into a shared slab: pass the Uint8Array itself (or byteOffset/byteLength), never its `.buffer` alone.
   */
  takeTransmitted(): Uint8Array[] {
    this.leaveReplica();
    return this.nic.takeTransmitted();
  }

  /** The guest's TCP connections as its kernel sees them (windows, RTT, queues): for operators and tests. */
  sockets(): SocketInfo[] {
    return this.kernel.stack.sockets().map((s) => s.info());
  }

  /**
   * The VMM writes the NIC's paravirtual replication registers (undefined: not replicating); the guest's TCP reads
   * them (the `racc` congestion controller). Device state: captured with the NIC record.
   */
  setReplicationStatus(status: ReplicationStatus | undefined): void {
    this.nic.replication = status && { ...status };
  }

  get replicationStatus(): ReplicationStatus | undefined {
    return this.nic.replication && { ...this.nic.replication };
  }

  /** Stops the vCPU: its clock stands still and runSlice refuses until resume(). */
  pause(): void {
    this.vcpu.pause();
  }

  resume(): void {
    this.vcpu.resume();
    this.leaveReplica();
  }

  get runState(): VcpuRunState {
    return this.vcpu.runState;
  }

  /** The earliest armed guest timer (virtual ms), or undefined: when the VMM must run the next slice at the latest. */
  nextTimerAt(): number | undefined {
    return this.kernel.nextTimerAt();
  }

  virtualNow(): number {
    return this.vcpu.now;
  }

  /** The guest's IPv4 address, dotted (the address its VMM must own on the network). */
  get address(): string {
    return this.kernel.stack.addressText;
  }

  regions(): readonly RegionEntry[] {
    return this.regionTable.map((r) => ({ ...r }));
  }

  get nicLayout(): NicLayout {
    return this.nic.layout;
  }

  chainPosition(): ChainPosition {
    return { ...this.chain };
  }

  counters(): MachineCounters {
    return {
      vcpu: {
        slices: this.vcpu.sliceCount,
        timerExpiries: this.vcpu.timerExpiryCount,
        virtualNowMs: this.vcpu.now,
      },
      nic: this.nic.counters(),
      driver: this.kernel.driver.counters(),
      tcp: structuredClone(this.kernel.stack.stats),
      dirtyPages: this.memory.dirtyPageCount,
    };
  }

  digest(): MachineDigest {
    const h = createHash('sha256');
    for (const record of Object.values(this.records())) {
      const len = Buffer.alloc(4);
      len.writeUInt32LE(record.length);
      h.update(len).update(record);
    }
    return { memory: this.memory.digest(), records: h.digest('hex') };
  }

  // --- Saving --------------------------------------------------------------------------------------------

  /**
   * All non-zero pages and every record. Starts (or restarts) dirty logging and a new chain: the deltas that
   * follow are relative to this save.
   */
  saveFull(): Uint8Array {
    this.requireStopped('saveFull');
    const chainId = newChainId();
    this.chain = { kind: 'none' };
    this.memory.startDirtyLogging();
    this.chainLoggingGeneration = this.memory.loggingGeneration;
    const pages = this.memory.nonZeroPages();
    const bytes = encodeSnapshot(
      { kind: 'full', chainId, seq: 0, memoryBytes: this.memory.size },
      this.regionTable,
      this.records(),
      this.memory,
      pages,
    );
    this.chain = { kind: 'source', chainId, seq: 0 };
    return bytes;
  }

  /** The pages dirtied since the previous save (full or delta) and every record. Cost: O(dirty pages). */
  saveIncremental(): Uint8Array {
    this.requireStopped('saveIncremental');
    const chain = this.chain;
    if (chain.kind !== 'source') {
      throw new MachineStateError(
        'saveIncremental needs a full save on this machine first (saveFull starts the chain)',
      );
    }
    if (!this.memory.dirtyLogging || this.memory.loggingGeneration !== this.chainLoggingGeneration) {
      this.chain = { kind: 'none' };
      throw new MachineStateError(
        'dirty logging was stopped or restarted since the full save; take a new full save',
      );
    }
    // From here the dirty set is consumed: if encoding failed the chain would have a hole, so it ends.
    this.chain = { kind: 'none' };
    const pages = this.memory.fetchAndClearDirty();
    const seq = chain.seq + 1;
    const bytes = encodeSnapshot(
      { kind: 'incremental', chainId: chain.chainId, seq, memoryBytes: this.memory.size },
      this.regionTable,
      this.records(),
      this.memory,
      pages,
    );
    this.chain = { kind: 'source', chainId: chain.chainId, seq };
    return bytes;
  }

  // --- Replication and migration -------------------------------------------------------------------------

  /**
   * Starts tracking the pages the guest writes (for replication or live migration). Every page counts as
   * unsent from here: the caller's first round sends all of memory (while the guest runs), and each later
   * round or capture takes only what was written since. Any VMSN chain ends (they share the dirty log).
   */
  startPageTracking(): void {
    this.chain = { kind: 'none' };
    this.memory.startDirtyLogging();
    const crcs = PageCrcTable.of(this.memory);
    this.tracking = {
      crcs,
      staging: new CaptureStaging(this.memory, crcs),
      generation: this.memory.loggingGeneration,
    };
  }

  /** Stops tracking (the backup is gone, or migration ended). */
  stopPageTracking(): void {
    this.tracking = undefined;
    this.memory.stopDirtyLogging();
  }

  get pageTracking(): boolean {
    return this.tracking !== undefined && this.memory.loggingGeneration === this.tracking.generation;
  }

  /**
   * The pages written since tracking started or since the last call (a pre-copy round), the guest running or
   * not. Their contents are read from `memory` by the caller; any written again show up in the next round.
   */
  takeDirtyPages(): Uint32Array {
    const tracking = this.requireTracking('takeDirtyPages');
    tracking.staging.settle(); // the last capture's CRCs go in first
    const pages = this.memory.fetchAndClearDirty();
    // The CRC table follows what leaves the dirty set; a page written again is dirty again for the next round.
    for (const p of pages) tracking.crcs.update(p, this.memory.pageView(p));
    return pages;
  }

  /**
   * Captures an epoch's checkpoint with the vCPU stopped: copies the pages written since the last capture (or
   * round) into the staging buffer and takes every record; nothing else. The guest may resume at once after; the
   * digest is computed from the copy when first read.
   */
  captureCheckpoint(): CheckpointCapture {
    this.requireStopped('captureCheckpoint');
    const tracking = this.requireTracking('captureCheckpoint');
    const staged = tracking.staging.stagePages();
    const { records, kernelCopies } = this.recordsWithCopies();
    const capture = tracking.staging.seal(staged, { ...records });
    return {
      pages: staged.pages,
      get staging() {
        return capture.staging;
      },
      records,
      recordCopies: { kernel: kernelCopies },
      get digest() {
        return capture.digest;
      },
    };
  }

  /**
   * The digest a capture would report now (`CheckpointCapture.digest`), computed from scratch over all of memory
   * (O(memory)) rather than kept up: a promoted backup's proof that the machine it activated is the state the
   * primary captured. vCPU stopped.
   */
  freshStateDigest(): string {
    return PageCrcTable.of(this.memory).digest({ ...this.stateRecords() });
  }

  /**
   * `freshStateDigest()` of the state as of this call (vCPU stopped now), computed while the guest runs on:
   * records taken now, memory read through a copy-on-write snapshot in slices, each after a `pause()` (the
   * first may wait as long as the caller likes: the snapshot holds the instant). A promoted backup proves its
   * activation this way without holding its clients for an O(memory) pass.
   */
  async freshStateDigestInBackground(o: {
    /** Lets the guest run before each slice (e.g. a setImmediate). */
    pause: () => Promise<void>;
    /** Pages read per slice (default 4096: 16 MiB, a few ms). */
    slicePages?: number;
    /**
     * The records to digest with: by default re-serialized now from the devices. A promoted backup passes the
     * records it activated from (the primary's bytes) to keep that serialization out of its clients' wait; the
     * restore-and-save round trip is the state rule's, proven by its tests.
     */
    records?: MachineRecords;
  }): Promise<string> {
    this.requireStopped('freshStateDigestInBackground');
    const records = { ...(o.records ?? this.stateRecords()) };
    const snapshot = this.memory.beginSnapshot();
    try {
      return (await PageCrcTable.ofSnapshot(this.memory, snapshot, o.pause, o.slicePages)).digest(records);
    } finally {
      snapshot.end();
    }
  }

  /** After activation: the guest kernel prompts every TCP peer (what it sends leaves with the next slice). */
  promptPeers(): void {
    this.kernel.stack.prompt();
  }

  /** Every state record, for a checkpoint (vCPU stopped). */
  stateRecords(): MachineRecords {
    return this.recordsWithCopies().records;
  }

  /** Every state record, and what the kernel's kept from its previous save (vCPU stopped). */
  private recordsWithCopies(): { records: MachineRecords; kernelCopies: readonly StateCopy[] } {
    this.requireStopped('stateRecords');
    const kernel = this.kernel.saveRecordWithCopies();
    return {
      records: {
        vcpu: this.vcpu.saveRecord(),
        nic: this.nic.saveRecord(),
        kernel: kernel.record,
        layout: encodeLayoutRecord(this.memory.size, this.regionTable),
      },
      kernelCopies: kernel.copies,
    };
  }

  /**
   * The backup's replica becomes the running guest (failover): devices and kernel rebuilt from its records over
   * its memory, programs matched to their regions and resumed. The vCPU is as captured (paused): resume() it.
   */
  static activate(replica: MachineReplica, programs: readonly GuestProgram[]): Machine {
    const { memory, records } = replica.takeForActivation();
    const parts = decodeMachineRecords(records, memory.size);
    const slots = matchPrograms(parts.regions, programs);
    const vcpu = Vcpu.fromState(parts.vcpu);
    const nic = VirtioNet.fromState(memory, parts.nic);
    const kernel = GuestKernel.restore(records.kernel, {
      memory,
      layout: nic.layout,
      clock: vcpu.clock,
      replicationStatus: () => nic.replication,
    });
    const machine = new Machine(memory, slots, vcpu, nic, kernel);
    for (const slot of machine.programs) machine.enterProgram(slot, 'resume');
    return machine;
  }

  // --- Internals -----------------------------------------------------------------------------------------

  private requireTracking(what: string): Tracking {
    if (
      !this.tracking ||
      this.memory.loggingGeneration !== this.tracking.generation ||
      !this.memory.dirtyLogging
    ) {
      throw new MachineStateError(`${what} needs page tracking: startPageTracking() first`);
    }
    return this.tracking;
  }

  private records(): SnapshotRecords {
    return { vcpu: this.vcpu.saveRecord(), nic: this.nic.saveRecord(), kernel: this.kernel.saveRecord() };
  }

  private requireStopped(what: string): void {
    if (this.vcpu.runState.kind === 'running') {
      throw new MachineStateError(
        `${what} needs the vCPU stopped: pause() first, so the checkpoint is consistent`,
      );
    }
  }

  private leaveReplica(): void {
    if (this.chain.kind === 'replica') this.chain = { kind: 'none' };
  }

  private env(region: RegionEntry): GuestEnv {
    return {
      memory: this.memory,
      region: { base: region.base, size: region.size },
      stack: this.kernel.stack,
      now: () => this.vcpu.now,
    };
  }

  /** Runs a program's boot or resume inside the kernel (so socket events it causes are dispatched). */
  private enterProgram(slot: ProgramSlot, phase: 'boot' | 'resume'): void {
    const env = this.env(slot.region);
    try {
      this.kernel.stack.run(() => (phase === 'boot' ? slot.program.boot(env) : slot.program.resume(env)));
    } catch (e) {
      const message = `program '${slot.program.name}' failed to ${phase}: ${e instanceof Error ? e.message : String(e)}`;
      this.vcpu.halt(message);
      throw new GuestFault(message, { cause: e });
    }
  }
}

/** Decodes the vCPU and NIC records and checks the region table against the NIC's machine region. */
function decodeParts(s: DecodedSnapshot): { vcpu: VcpuState; nic: NicDeviceState } {
  const vcpu = Vcpu.decodeRecord(s.records.vcpu);
  const nic = VirtioNet.decodeRecord(s.records.nic, s.memoryBytes);
  checkRegionTable(s.regions, nicLayout(nic.geometry).end, s.memoryBytes);
  return { vcpu, nic };
}

function sameRegions(a: readonly RegionEntry[], b: readonly RegionEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((r, i) => r.name === b[i].name && r.base === b[i].base && r.size === b[i].size)
  );
}

function sameGeometry(g: NicGeometry, layout: NicLayout): boolean {
  return g.rxSize === layout.rx.size && g.txSize === layout.tx.size && g.bufferBytes === layout.bufferBytes;
}
