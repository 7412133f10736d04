/**
 * bench:replication's pause measure: what the primary does with the vCPU stopped (Machine.captureCheckpoint:
 * the dirty pages copied into the staging buffer, every state record taken), timed against the number of dirty
 * pages, on a real Machine running the standard guest image. What follows the resume on the VMM's thread (the
 * capture's digest and the checkpoint's encoding) is timed beside it: in this single-threaded VMM it delays the
 * guest's next slice although the guest is no longer paused.
 */
import { Machine, PAGE_SIZE } from '@vmha/machine';
import { standardGuestImage } from '@vmha/primary-vmm';
import { BodyKind } from '@vmha/checkpoint';
import { CheckpointEncoder } from '@vmha/replication';
import { randomFillSync } from 'node:crypto';

export interface PauseRow {
  dirtyPages: number;
  dirtyMiB: number;
  /** Median over the samples: vCPU stopped, capture to resume. */
  pauseMs: number;
  /** Median: the digest and the encoding after the resume (same thread). */
  afterResumeMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function pauseVsDirtyPages(o: {
  memoryMib: number;
  dirtyPages: number[];
  samples: number;
}): PauseRow[] {
  const memoryBytes = o.memoryMib << 20;
  const machine = Machine.create(
    { address: '10.0.0.2', memoryBytes, seed: 11 },
    standardGuestImage({ respMemoryBytes: 16 << 20 }),
  );
  machine.runSlice(10);
  const encoder = new CheckpointEncoder({ memoryBytes });
  machine.startPageTracking();
  machine.takeDirtyPages();
  const noise = new Uint8Array(1 << 20);
  randomFillSync(noise);
  let epoch = 0;
  const rows: PauseRow[] = [];
  for (const pages of o.dirtyPages) {
    if (pages > machine.memory.pageCount) throw new RangeError(`${pages} dirty pages in ${o.memoryMib} MiB`);
    const stride = Math.floor(machine.memory.pageCount / pages);
    const pause: number[] = [];
    const after: number[] = [];
    for (let s = 0; s <= o.samples; s++) {
      // Each page gets 256 fresh bytes (a realistic partial write; the pause copies whole pages regardless).
      for (let i = 0; i < pages; i++) {
        const at = ((i * 257 + s * 4099) % (noise.length - 256)) & ~3;
        machine.memory.write(i * stride * PAGE_SIZE + (i % 15) * 256, noise.subarray(at, at + 256));
      }
      machine.pause();
      const t0 = performance.now();
      const capture = machine.captureCheckpoint();
      const t1 = performance.now();
      machine.resume();
      void capture.digest;
      epoch++;
      encoder.encodeCapture(epoch === 1 ? BodyKind.SyncSeal : BodyKind.Epoch, epoch, epoch - 1, capture);
      const t2 = performance.now();
      if (capture.pages.length < pages) throw new Error(`captured ${capture.pages.length} of ${pages} pages`);
      if (s === 0) continue; // warm-up: the staging buffer grows to this size once
      pause.push(t1 - t0);
      after.push(t2 - t1);
    }
    rows.push({
      dirtyPages: pages,
      dirtyMiB: (pages * PAGE_SIZE) / 2 ** 20,
      pauseMs: median(pause),
      afterResumeMs: median(after),
    });
  }
  return rows;
}

/** The worst pause per 4 MiB dirty among rows with at least 4 MiB dirty (the target: under 1 ms). */
export function pauseMsPer4MiB(rows: PauseRow[]): number {
  const big = rows.filter((r) => r.dirtyMiB >= 4);
  if (big.length === 0) throw new Error('no row with at least 4 MiB dirty');
  return Math.max(...big.map((r) => (r.pauseMs * 4) / r.dirtyMiB));
}
