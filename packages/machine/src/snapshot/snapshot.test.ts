/**
 * Save/restore rules: what full and incremental saves carry, how deltas chain, and how malformed or misapplied
 * snapshots are rejected (clearly, and without changing the machine they were offered to).
 */
import { SeededRandom, SimNetwork } from '@vmha/guest-tcp';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  Machine,
  MachineStateError,
  PAGE_SIZE,
  SnapshotFormatError,
  SnapshotMismatchError,
  type GuestProgram,
  type MachineConfig,
} from '../index.ts';
import { EchoCounterProgram } from '../testing/echo-counter-program.ts';
import { EchoClient, MachineNode } from '../testing/sim-harness.ts';

const GUEST = '10.0.0.2';
const CONFIG: MachineConfig = {
  address: GUEST,
  memoryBytes: 1 << 20,
  nic: { rxRingSize: 16, txRingSize: 16 },
};
const programs = (): GuestProgram[] => [new EchoCounterProgram('echo', 7, 'echo')];

/** A machine with an open connection and data moved, paused, with a full save and two deltas. */
function savedChain(seed = 1) {
  const net = new SimNetwork({ seed, link: { delayMs: 1, loss: 0.01 } });
  const client = net.addStack({ address: '10.0.0.1', seed: seed + 1 });
  const a = Machine.create({ ...CONFIG, seed }, programs());
  net.attach(new MachineNode(net, a));
  const e = new EchoClient(client, GUEST, 7, seed);
  const step = (): void => {
    e.send(3000);
    net.runFor(30);
  };
  step();
  a.pause();
  const full = a.saveFull();
  a.resume();
  const deltas: Uint8Array[] = [];
  for (let i = 0; i < 2; i++) {
    step();
    a.pause();
    deltas.push(a.saveIncremental());
    a.resume();
  }
  a.pause();
  return { a, full, deltas, net, e };
}

/** Recomputes the trailing CRC, so a test can reach the checks behind it with a deliberately bad field. */
function reseal(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  new DataView(out.buffer).setUint32(out.length - 4, crc32(out.subarray(0, out.length - 4)), true);
  return out;
}

/** Offset of a record inside a snapshot, found by its magic (stored little-endian). */
function recordAt(bytes: Uint8Array, magic: string): number {
  const at = Buffer.from(bytes).indexOf(Buffer.from(magic.split('').reverse().join(''), 'latin1'));
  if (at < 0) throw new Error(`record ${magic} not found`);
  return at;
}

function rejection(action: () => unknown): Error {
  try {
    action();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection, got success');
}

describe('what saves carry', () => {
  it('an incremental save on a 1 GiB guest costs the dirty set: 1,000 dirty pages in, 1,000 pages out, 1,000 entries visited', () => {
    const big: GuestProgram = { name: 'heap', memoryBytes: 512 << 20, boot: () => {}, resume: () => {} };
    const m = Machine.create({ address: GUEST, memoryBytes: 1 << 30 }, [big]);
    const heap = m.regions()[0];
    m.pause();
    m.saveFull();
    for (const dirty of [1, 1_000, 50_000]) {
      for (let i = 0; i < dirty; i++)
        m.memory.writeU32(heap.base + ((i * 4099) % (heap.size / PAGE_SIZE)) * PAGE_SIZE, i + 1);
      const before = m.memory.dirtyLogStats();
      const delta = m.saveIncremental();
      const after = m.memory.dirtyLogStats();
      expect(Machine.inspectSnapshot(delta).pages).toBe(dirty);
      expect(after.entriesVisited - before.entriesVisited).toBe(dirty);
      expect(delta.length).toBeLessThan(dirty * (PAGE_SIZE + 5) + 64 * 1024);
    }
  });

  it('a page that became all zeros travels as a zero entry and is zeroed on the replica', () => {
    const a = Machine.create(CONFIG, programs());
    const base = a.regions()[0].base + 8 * PAGE_SIZE;
    a.memory.writeU32(base, 0xabcdef);
    a.pause();
    const full = a.saveFull();
    const b = Machine.restore(full, programs());
    expect(b.memory.readU32(base)).toBe(0xabcdef);
    a.memory.writeU32(base, 0);
    const delta = a.saveIncremental();
    expect(Machine.inspectSnapshot(delta)).toMatchObject({ pages: 1, zeroPages: 1 });
    b.applyIncremental(delta);
    expect(b.memory.isZeroPage(base / PAGE_SIZE)).toBe(true);
    expect(b.digest()).toEqual(a.digest());
  });

  it('an idle paused machine produces empty deltas that still carry every record', () => {
    const { a, full, deltas } = savedChain();
    const d3 = a.saveIncremental();
    expect(Machine.inspectSnapshot(d3)).toMatchObject({ kind: 'incremental', seq: 3, pages: 0 });
    const b = Machine.restore(full, programs());
    for (const d of [...deltas, d3]) b.applyIncremental(d);
    expect(b.digest()).toEqual(a.digest());
  });
});

describe('save rules', () => {
  it('refuses to save while the vCPU runs', () => {
    const a = Machine.create(CONFIG, programs());
    expect(() => a.saveFull()).toThrow(MachineStateError);
    expect(() => a.saveFull()).toThrow(/pause\(\) first/);
  });

  it('refuses an incremental save before a full one, and after dirty logging was stopped or restarted', () => {
    const a = Machine.create(CONFIG, programs());
    a.pause();
    expect(() => a.saveIncremental()).toThrow(/needs a full save on this machine first/);
    a.saveFull();
    a.memory.stopDirtyLogging();
    expect(() => a.saveIncremental()).toThrow(/dirty logging was stopped or restarted/);
    a.saveFull();
    a.memory.startDirtyLogging();
    expect(() => a.saveIncremental()).toThrow(/dirty logging was stopped or restarted/);
    a.saveFull();
    expect(Machine.inspectSnapshot(a.saveIncremental()).seq).toBe(1);
  });

  it('a new full save starts a new chain', () => {
    const { a, full } = savedChain();
    const again = a.saveFull();
    expect(Machine.inspectSnapshot(again).chainId).not.toBe(Machine.inspectSnapshot(full).chainId);
    expect(Machine.inspectSnapshot(a.saveIncremental())).toMatchObject({
      seq: 1,
      chainId: Machine.inspectSnapshot(again).chainId,
    });
  });
});

describe('applying a chain', () => {
  it('rejects deltas out of order, twice, from another chain, or of the wrong kind, and stays as it was', () => {
    const { full, deltas } = savedChain(1);
    const other = savedChain(2);
    const b = Machine.restore(full, programs());
    const before = b.digest();
    expect(rejection(() => b.applyIncremental(deltas[1]))).toBeInstanceOf(SnapshotMismatchError);
    expect(() => b.applyIncremental(deltas[1])).toThrow(
      /delta 2 of chain \w+ does not follow this machine's state \(chain \w+ at save 0\)/,
    );
    expect(() => b.applyIncremental(other.deltas[0])).toThrow(/does not follow this machine's state/);
    expect(() => b.applyIncremental(full)).toThrow(/needs a delta; this is a full snapshot/);
    expect(() => Machine.restore(deltas[0], programs())).toThrow(/needs a full snapshot; this is delta 1/);
    expect(b.digest()).toEqual(before);
    b.applyIncremental(deltas[0]);
    expect(() => b.applyIncremental(deltas[0])).toThrow(/delta 1 .* at save 1/);
    b.applyIncremental(deltas[1]);
    expect(b.chainPosition()).toMatchObject({ kind: 'replica', seq: 2 });
  });

  it('rejects a delta once the replica has been resumed or touched, and on the machine that produced the chain', () => {
    const { a, full, deltas } = savedChain();
    const b = Machine.restore(full, programs());
    b.resume();
    b.pause();
    expect(() => b.applyIncremental(deltas[0])).toThrow(
      /not restored from a chain, or has run or been touched since/,
    );
    const c = Machine.restore(full, programs());
    c.deliver(new Uint8Array(40));
    expect(() => c.applyIncremental(deltas[0])).toThrow(SnapshotMismatchError);
    expect(() => a.applyIncremental(deltas[0])).toThrow(/the source of its own chain/);
  });

  it('a delta with a corrupt record is rejected whole: not one page is applied', () => {
    const { full, deltas } = savedChain();
    const b = Machine.restore(full, programs());
    const before = b.digest();
    const bad = new Uint8Array(deltas[0]);
    const kernel = recordAt(bad, 'GKRN');
    bad[kernel + 8 + 4 + 3] ^= 0xff; // the guest-tcp state's magic, inside the kernel record
    const e = rejection(() => b.applyIncremental(reseal(bad)));
    expect(e).toBeInstanceOf(SnapshotFormatError);
    expect(e.message).toMatch(/kernel record: the guest-tcp state is invalid/);
    expect(b.digest()).toEqual(before);
    b.applyIncremental(deltas[0]); // and the real delta still applies
  });

  it('matches programs to regions by name: a missing, extra or outgrown program is a clear error', () => {
    const { full } = savedChain();
    expect(() => Machine.restore(full, [])).toThrow(
      /region for program 'echo', but no such program was given/,
    );
    const extra = [...programs(), new EchoCounterProgram('other', 8, 'echo')];
    expect(() => Machine.restore(full, extra)).toThrow(/program\(s\) 'other' have no region in the snapshot/);
    const grown = [new EchoCounterProgram('echo', 7, 'echo', 1 << 19)];
    expect(() => Machine.restore(full, grown)).toThrow(/needs 524288 bytes, more than its saved region/);
  });
});

describe('malformed snapshots', () => {
  it('rejects empty input, a bad magic, a future version, truncation and trailing bytes, saying which', () => {
    const { full } = savedChain();
    const cases: Array<[Uint8Array, RegExp]> = [
      [new Uint8Array(0), /truncated: 0 bytes is shorter than its 16-byte preamble/],
      [Uint8Array.from([1, 2, 3, 4, ...full.subarray(4)]), /not a vmha machine snapshot \(bad magic\)/],
      [
        Uint8Array.from([...full.subarray(0, 4), 2, 0, 0, 0, ...full.subarray(8)]),
        /format version 2 is not supported/,
      ],
      [
        full.subarray(0, full.length - 1),
        new RegExp(`truncated: ${full.length - 1} of ${full.length} bytes`),
      ],
      [Uint8Array.from([...full, 0, 0]), /2 trailing bytes/],
    ];
    for (const [bytes, message] of cases) {
      const e = rejection(() => Machine.restore(bytes, programs()));
      expect(e).toBeInstanceOf(SnapshotFormatError);
      expect(e.message).toMatch(message);
    }
  });

  it('rejects every truncation and 2,000 seeded bit flips of a full save and of a delta, never crashing', () => {
    const { full, deltas } = savedChain();
    const rng = new SeededRandom(77);
    for (const good of [full, deltas[0]]) {
      const apply = (bytes: Uint8Array): void => {
        if (good === full) Machine.restore(bytes, programs());
        else Machine.restore(full, programs()).applyIncremental(bytes);
      };
      const step = Math.max(1, Math.floor(good.length / 400));
      for (let cut = 0; cut < good.length; cut += step) {
        expect(rejection(() => apply(good.subarray(0, cut)))).toBeInstanceOf(SnapshotFormatError);
      }
      for (let i = 0; i < 1000; i++) {
        const bad = new Uint8Array(good);
        const flips = rng.int(1, 3);
        for (let f = 0; f < flips; f++) bad[rng.int(0, bad.length - 1)] ^= 1 << rng.int(0, 7);
        expect(rejection(() => apply(bad))).toBeInstanceOf(SnapshotFormatError);
      }
    }
  });

  it('checks the fields behind the checksum: kind, sequence, page size, records, region table, page numbers', () => {
    const { full } = savedChain();
    const patch = (mutate: (b: Uint8Array, v: DataView) => void): Uint8Array => {
      const b = new Uint8Array(full);
      mutate(b, new DataView(b.buffer));
      return reseal(b);
    };
    const vcpu = recordAt(full, 'VCPU');
    const nic = recordAt(full, 'VNET');
    const kernel = recordAt(full, 'GKRN');
    const kernelLength = new DataView(full.buffer, full.byteOffset).getUint32(kernel - 4, true);
    const pageCountAt = kernel + kernelLength;
    const regionBaseAt = 45 + 4 + 'echo'.length; // after the region count, the name's length and bytes
    const cases: Array<[Uint8Array, RegExp]> = [
      [patch((b) => (b[16] = 7)), /snapshot kind 7 is unknown/],
      [patch((_, v) => v.setUint32(25, 4, true)), /a full snapshot cannot have sequence 4/],
      [patch((_, v) => v.setUint32(29, 8192, true)), /page size 8192 is not 4096/],
      [patch((_, v) => v.setUint32(vcpu + 4, 2, true)), /vCPU record version 2 is not supported/],
      [patch((_, v) => v.setUint32(nic + 8, 3, true)), /NIC record: rx ring size 3/],
      [patch((_, v) => v.setFloat64(regionBaseAt, 0, true)), /region 'echo' .* overlaps the machine region/],
      [
        patch((_, v) => v.setUint32(pageCountAt + 4, 1 << 20, true)),
        /page 1048576 is outside memory \(256 pages\)/,
      ],
      [patch((b) => (b[pageCountAt + 8] = 9)), /has unknown kind 9/],
    ];
    for (const [bytes, message] of cases) {
      const e = rejection(() => Machine.restore(bytes, programs()));
      expect(e).toBeInstanceOf(SnapshotFormatError);
      expect(e.message).toMatch(message);
    }
  });
});
