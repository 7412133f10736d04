/**
 * The paravirtual NIC and the guest driver, without a TCP stack: packets through both rings, full rings and
 * oversized packets dropped and counted, corrupt ring contents dropped and counted, never a crash; buffers the
 * guest is done with zeroed.
 */
import { SeededRandom } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import { SnapshotFormatError } from '../errors.ts';
import { GuestMemory } from '../guest-memory.ts';
import { NicDriver } from '../kernel/nic-driver.ts';
import { VirtioNet } from './virtio-net.ts';
import { DESCRIPTOR_BYTES, RING_HEADER_BYTES, nicLayout } from './virtio-net-layout.ts';

const GEOMETRY = { rxSize: 8, txSize: 8, bufferBytes: 1540 };

function nic(geometry = GEOMETRY): { memory: GuestMemory; device: VirtioNet; driver: NicDriver } {
  const memory = new GuestMemory(nicLayout(geometry).end + 4096);
  const device = VirtioNet.create(memory, geometry);
  const driver = new NicDriver(memory, device.layout);
  driver.init();
  return { memory, device, driver };
}

function packet(seed: number, length: number): Uint8Array {
  const p = new Uint8Array(length);
  const rng = new SeededRandom(seed);
  for (let i = 0; i < length; i++) p[i] = rng.nextU32() & 0xff;
  return p;
}

describe('the RX ring', () => {
  it('carries packets from the host into the guest intact and in order, and recycles its buffers', () => {
    const { device, driver } = nic();
    for (let round = 0; round < 5; round++) {
      const sent = [1, 60, 1500, 1540, 7].map((len, i) => packet(round * 10 + i, len));
      for (const p of sent) expect(device.deliver(p)).toBe(true);
      expect(driver.receive()).toEqual(sent);
      expect(driver.receive()).toEqual([]);
    }
    expect(device.counters()).toMatchObject({ rxPackets: 25, rxBytes: 5 * (1 + 60 + 1500 + 1540 + 7) });
    expect(driver.counters()).toMatchObject({ rxPackets: 25, rxBadUsedEntry: 0 });
  });

  it('drops and counts a packet when every buffer is full, and accepts again once the guest drained the ring', () => {
    const { device, driver } = nic();
    for (let i = 0; i < GEOMETRY.rxSize; i++) expect(device.deliver(packet(i, 100))).toBe(true);
    expect(device.deliver(packet(99, 100))).toBe(false);
    expect(device.counters().dropped['rx-ring-full']).toBe(1);
    expect(driver.receive()).toHaveLength(GEOMETRY.rxSize);
    expect(device.deliver(packet(100, 100))).toBe(true);
  });

  it('drops and counts packets that are too big for a buffer, or empty', () => {
    const { device, driver } = nic();
    expect(device.deliver(new Uint8Array(1541))).toBe(false);
    expect(device.deliver(new Uint8Array(0))).toBe(false);
    expect(device.counters().dropped).toMatchObject({ 'rx-too-big': 1, 'rx-empty': 1 });
    expect(driver.receive()).toEqual([]); // nothing consumed a buffer
    for (let i = 0; i < GEOMETRY.rxSize; i++) expect(device.deliver(packet(i, 10))).toBe(true);
  });

  it('drops a packet whose descriptor points outside the DMA window, and the guest repairs the descriptor', () => {
    const { memory, device, driver } = nic();
    const rx = device.layout.rx;
    const program = device.layout.end; // the first byte past the machine region: program memory
    memory.writeU32(rx.descAddr + 0 * DESCRIPTOR_BYTES, program);
    expect(device.deliver(packet(1, 100))).toBe(false);
    expect(device.counters().dropped['rx-bad-descriptor']).toBe(1);
    expect(memory.readU32(program)).toBe(0); // nothing was written where the descriptor pointed
    expect(driver.receive()).toEqual([]); // the buffer came back unused and was re-posted, repaired
    for (let i = 0; i < GEOMETRY.rxSize; i++) expect(device.deliver(packet(i, 50))).toBe(true);
    expect(driver.receive()).toHaveLength(GEOMETRY.rxSize);
  });

  it('rejects descriptors with the wrong direction flag, a high address word, or a short buffer', () => {
    const { memory, device } = nic();
    const desc = (id: number): number => device.layout.rx.descAddr + id * DESCRIPTOR_BYTES;
    memory.writeU32(desc(0) + 12, 0); // not device-writable
    memory.writeU32(desc(1) + 4, 1); // address above 4 GiB
    memory.writeU32(desc(2) + 8, 10); // buffer of 10 bytes
    expect(device.deliver(packet(1, 100))).toBe(false);
    expect(device.deliver(packet(2, 100))).toBe(false);
    expect(device.deliver(packet(3, 100))).toBe(false);
    expect(device.deliver(packet(4, 100))).toBe(true);
    expect(device.counters().dropped).toMatchObject({ 'rx-bad-descriptor': 2, 'rx-too-big': 1 });
  });

  it('counts a nonsense available index and recovers once the guest driver rewrites it', () => {
    const { memory, device, driver } = nic();
    memory.writeU32(device.layout.rx.availAddr, 0xdeadbeef);
    expect(device.deliver(packet(1, 100))).toBe(false);
    expect(device.counters().dropped['rx-bad-ring-index']).toBe(1);
    expect(driver.receive()).toEqual([]);
    expect(device.deliver(packet(2, 100))).toBe(true);
  });

  it('counts a used entry naming the wrong buffer and still re-posts the right one', () => {
    const { memory, device, driver } = nic();
    device.deliver(packet(1, 100));
    device.deliver(packet(2, 100));
    memory.writeU32(device.layout.rx.usedAddr + RING_HEADER_BYTES, 12345); // entry 0's id
    const got = driver.receive();
    expect(got).toEqual([packet(2, 100)]);
    expect(driver.counters().rxBadUsedEntry).toBe(1);
    for (let i = 0; i < GEOMETRY.rxSize; i++) expect(device.deliver(packet(i, 10))).toBe(true);
  });

  it('ignores a used index that runs more than a ring ahead until the device publishes a sane one', () => {
    const { memory, device, driver } = nic();
    device.deliver(packet(1, 100));
    memory.writeU32(device.layout.rx.usedAddr, 1000);
    expect(driver.receive()).toEqual([]);
    expect(driver.counters().rxBadUsedIndex).toBe(1);
    device.deliver(packet(2, 100)); // the device rewrites the index from its own copy
    expect(driver.receive()).toEqual([packet(1, 100), packet(2, 100)]);
  });
});

describe('the TX ring', () => {
  it('carries the guest packets to the host intact and in order', () => {
    const { device, driver } = nic();
    for (let round = 0; round < 4; round++) {
      const sent = [40, 1540, 576].map((len, i) => packet(round * 10 + i, len));
      for (const p of sent) driver.transmit(p);
      expect(device.takeTransmitted()).toEqual(sent);
      expect(device.takeTransmitted()).toEqual([]);
    }
    expect(device.counters()).toMatchObject({ txPackets: 12 });
    expect(driver.counters()).toMatchObject({ txPackets: 12, txDropRingFull: 0 });
  });

  it('drops and counts in the guest when every TX buffer is still with the device', () => {
    const { device, driver } = nic();
    for (let i = 0; i < GEOMETRY.txSize + 3; i++) driver.transmit(packet(i, 64));
    expect(driver.counters().txDropRingFull).toBe(3);
    expect(device.takeTransmitted()).toHaveLength(GEOMETRY.txSize);
    driver.transmit(packet(50, 64));
    expect(device.takeTransmitted()).toEqual([packet(50, 64)]);
  });

  it('counts a packet larger than a buffer instead of writing it', () => {
    const { device, driver } = nic();
    driver.transmit(new Uint8Array(1541));
    expect(driver.counters().txDropTooBig).toBe(1);
    expect(device.takeTransmitted()).toEqual([]);
  });

  it('drops and counts descriptors with a bad id or a length beyond the buffer, and delivers the rest', () => {
    const { memory, device, driver } = nic();
    const tx = device.layout.tx;
    for (let i = 0; i < 3; i++) driver.transmit(packet(i, 100));
    memory.writeU32(tx.availAddr + RING_HEADER_BYTES + 0 * 4, 999); // bad id in slot 0
    memory.writeU32(tx.descAddr + 1 * DESCRIPTOR_BYTES + 8, 1 << 30); // huge length for descriptor 1
    expect(device.takeTransmitted()).toEqual([packet(2, 100)]);
    expect(device.counters().dropped['tx-bad-descriptor']).toBe(2);
    for (let i = 0; i < GEOMETRY.txSize; i++) driver.transmit(packet(10 + i, 100)); // the ring kept its size
    expect(device.takeTransmitted()).toHaveLength(GEOMETRY.txSize);
  });

  it('counts a nonsense available index, and the driver repairs it with its next packet', () => {
    const { memory, device, driver } = nic();
    driver.transmit(packet(1, 100));
    memory.writeU32(device.layout.tx.availAddr, 77777);
    expect(device.takeTransmitted()).toEqual([]);
    expect(device.counters().dropped['tx-bad-ring-index']).toBe(1);
    driver.transmit(packet(2, 100));
    expect(device.takeTransmitted()).toEqual([packet(1, 100), packet(2, 100)]);
  });
});

describe('a corrupted machine region', () => {
  it('survives 20,000 seeded random writes into the rings while traffic flows both ways: dropped and counted, never thrown', () => {
    const { memory, device, driver } = nic({ rxSize: 16, txSize: 16, bufferBytes: 600 });
    const rng = new SeededRandom(2024);
    const ringStart = 0;
    const ringEnd = device.layout.dmaStart; // driver area and both rings (not packet buffers)
    let accepted = 0;
    let received = 0;
    let taken = 0;
    for (let i = 0; i < 20_000; i++) {
      const op = rng.int(0, 9);
      if (op <= 2) {
        const addr = rng.int(ringStart, ringEnd - 4) & ~3;
        const value = rng.next() < 0.5 ? rng.nextU32() : rng.int(0, 64);
        memory.writeU32(addr, value);
      } else if (op <= 4) {
        if (device.deliver(packet(i, rng.int(0, 700)))) accepted++;
      } else if (op === 5) received += driver.receive().length;
      else if (op <= 7) driver.transmit(packet(i, rng.int(1, 700)));
      else taken += device.takeTransmitted().length;
    }
    const dropped = device.counters().dropped;
    const drops = Object.values(dropped).reduce((a, b) => a + b, 0);
    expect(accepted).toBeGreaterThan(100);
    expect(received).toBeGreaterThan(100);
    expect(taken).toBeGreaterThan(100);
    expect(dropped['rx-bad-descriptor'] + dropped['tx-bad-descriptor']).toBeGreaterThan(0);
    expect(drops).toBeGreaterThan(0);
    // Repair: re-initialise the driver (a guest reboot of the device) and traffic flows cleanly again.
    const fresh = VirtioNet.create(memory, { rxSize: 16, txSize: 16, bufferBytes: 600 });
    driver.init();
    expect(fresh.deliver(packet(1, 500))).toBe(true);
    expect(driver.receive()).toEqual([packet(1, 500)]);
  });
});

describe('the NIC device record', () => {
  it('round-trips the ring positions and counters', () => {
    const { memory, device, driver } = nic();
    device.deliver(packet(1, 100));
    device.deliver(new Uint8Array(5000));
    driver.transmit(packet(2, 200));
    device.takeTransmitted();
    const state = VirtioNet.decodeRecord(device.saveRecord(), memory.size);
    const copy = VirtioNet.fromState(memory, state);
    expect(Buffer.compare(copy.saveRecord(), device.saveRecord())).toBe(0);
    expect(copy.counters()).toEqual(device.counters());
    // The copy continues where the original stood: the packet already in the ring is still there for the guest.
    expect(copy.deliver(packet(3, 100))).toBe(true);
    expect(driver.receive()).toEqual([packet(1, 100), packet(3, 100)]);
  });

  it('rejects a geometry that is invalid or does not fit memory, a future version, and truncation', () => {
    const { memory, device } = nic();
    const good = device.saveRecord();
    const badSize = new Uint8Array(good);
    new DataView(badSize.buffer).setUint32(8, 7, true); // rx ring size 7
    expect(() => VirtioNet.decodeRecord(badSize, memory.size)).toThrow(
      /rx ring size 7 must be a power of two/,
    );
    expect(() => VirtioNet.decodeRecord(good, 4096)).toThrow(/need \d+ bytes; guest memory has 4096/);
    const future = new Uint8Array(good);
    future[4] = 3;
    expect(() => VirtioNet.decodeRecord(future, memory.size)).toThrow(
      /NIC record version 3 is not supported/,
    );
    for (let cut = 0; cut < good.length; cut += 3) {
      expect(() => VirtioNet.decodeRecord(good.subarray(0, cut), memory.size)).toThrow(SnapshotFormatError);
    }
  });
});

describe('the paravirtual replication registers', () => {
  const status = { capacityBytes: 16 << 20, occupancyBytes: 123_456, epochMs: 25, commitLatencyMs: 7.5 };

  it('travel with the NIC record, and a record without them reads as none', () => {
    const { memory, device } = nic();
    expect(VirtioNet.decodeRecord(device.saveRecord(), memory.size).replication).toBeUndefined();
    device.replication = status;
    const saved = device.saveRecord();
    const restored = VirtioNet.fromState(memory, VirtioNet.decodeRecord(saved, memory.size));
    expect(restored.replication).toEqual(status);
    // A version 1 record (before the registers existed): the same fields, no register block.
    device.replication = undefined;
    const v2 = device.saveRecord();
    const v1 = v2.slice(0, v2.length - 1);
    new DataView(v1.buffer).setUint32(4, 1, true);
    expect(VirtioNet.decodeRecord(v1, memory.size).replication).toBeUndefined();
  });

  it('reject a bad flag or a register that is not a size or duration', () => {
    const { memory, device } = nic();
    device.replication = status;
    const good = device.saveRecord();
    const badFlag = good.slice();
    badFlag[good.length - 33] = 2;
    expect(() => VirtioNet.decodeRecord(badFlag, memory.size)).toThrow(/register flag/);
    const negative = good.slice();
    new DataView(negative.buffer).setFloat64(good.length - 8, -1, true);
    expect(() => VirtioNet.decodeRecord(negative, memory.size)).toThrow(/commit latency/);
    expect(() => VirtioNet.decodeRecord(good.subarray(0, good.length - 4), memory.size)).toThrow(
      SnapshotFormatError,
    );
  });
});

describe('buffers the guest is done with', () => {
  const allZero = (b: Uint8Array) => b.every((x) => x === 0);

  it('zeroes an RX buffer once its packet is copied out, and a TX buffer once the device has sent it', () => {
    const { memory, device, driver } = nic();
    const { rx, tx, bufferStride } = device.layout;
    const rxArea = () => memory.read(rx.buffersAddr, rx.size * bufferStride);
    const txBuffer = (i: number) => memory.read(tx.buffersAddr + i * bufferStride, bufferStride);

    const inbound = [packet(1, 1500), packet(2, 60)];
    for (const p of inbound) device.deliver(p);
    expect(allZero(rxArea())).toBe(false);
    expect(driver.receive()).toEqual(inbound); // the stack gets its copies...
    expect(allZero(rxArea())).toBe(true); // ...and the buffers hold nothing of them

    const outbound = [packet(3, 1540), packet(4, 700), packet(5, 40)];
    for (const p of outbound) driver.transmit(p);
    expect(device.takeTransmitted()).toEqual(outbound);
    // The guest learns the device is done at its next transmit: the sent buffers are zeroed then, the new one
    // holds its packet until the device has taken it.
    driver.transmit(packet(6, 100));
    for (const i of [0, 1, 2]) expect(allZero(txBuffer(i))).toBe(true);
    expect(txBuffer(3).subarray(0, 100)).toEqual(packet(6, 100));
    expect(device.takeTransmitted()).toEqual([packet(6, 100)]);
  });

  it('never zeroes past a buffer, whatever length a corrupted descriptor claims', () => {
    const { memory, device, driver } = nic();
    const { tx, bufferStride } = device.layout;
    const guard = tx.buffersAddr + device.layout.bufferBytes; // the bytes after buffer 0, inside its stride
    expect(guard).toBeLessThan(tx.buffersAddr + bufferStride); // (1540-byte buffers, aligned strides)
    driver.transmit(packet(7, 64));
    device.takeTransmitted();
    memory.write(guard, Uint8Array.of(0xaa));
    memory.writeU32(tx.descAddr + 8, 0xffff_ffff); // descriptor 0's length
    driver.transmit(packet(8, 64));
    expect(memory.read(guard, 1)[0]).toBe(0xaa);
    expect(allZero(memory.read(tx.buffersAddr, device.layout.bufferBytes))).toBe(true);
    expect(memory.read(tx.buffersAddr + bufferStride, 64)).toEqual(packet(8, 64));
  });
});
