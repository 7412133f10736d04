/**
 * Where the paravirtual NIC's rings and packet buffers sit in guest memory: the machine region at the bottom of
 * memory. The layout is a pure function of the ring sizes and buffer size (a fixed board memory map), so device
 * and driver derive the same addresses from the device record and nothing else about it needs saving.
 *
 * Each queue is a virtio split ring with 32-bit fields, little-endian:
 *   descriptor table  N × 16 bytes: addr (u64), len (u32), flags (u32; WRITE = device writes the buffer)
 *   available ring    idx (u32), reserved (u32), ring[N] (u32 descriptor ids)        driver → device
 *   used ring         idx (u32), reserved (u32), ring[N] {id (u32), len (u32)}        device → driver
 * Indices run freely modulo 2^32; N is a power of two so `idx & (N - 1)` is the slot across the wrap.
 */
import { PAGE_SIZE } from '../guest-memory.ts';

export const DESCRIPTOR_BYTES = 16;
/** Descriptor flag: the device writes this buffer (RX). TX descriptors carry no flags. */
export const DESC_F_WRITE = 2;
export const RING_HEADER_BYTES = 8;
export const USED_ENTRY_BYTES = 8;
/** Ring sizes: powers of two in this range (virtio's limit is 32768). */
export const MIN_RING_SIZE = 2;
export const MAX_RING_SIZE = 32768;
/** Per-buffer capacity bounds: at least a minimal IPv4 datagram with headers, at most the largest one. */
export const MIN_BUFFER_BYTES = 256;
export const MAX_BUFFER_BYTES = 65535;
/** Buffers start on 64-byte boundaries (cache lines), so a stride is bufferBytes rounded up to 64. */
const BUFFER_ALIGN = 64;

export interface QueueLayout {
  readonly size: number;
  readonly descAddr: number;
  readonly availAddr: number;
  readonly usedAddr: number;
  /** Buffer i of this queue is at buffersAddr + i × bufferStride. */
  readonly buffersAddr: number;
}

export interface NicLayout {
  /** The guest driver's private state (indices and counters), one page at the bottom of memory. */
  readonly driverAreaAddr: number;
  readonly rx: QueueLayout;
  readonly tx: QueueLayout;
  /** The largest packet a buffer holds (the device MTU, as a full IPv4 datagram). */
  readonly bufferBytes: number;
  readonly bufferStride: number;
  /** The window the device may DMA into: all packet buffers, nothing else (an IOMMU mapping in effect). */
  readonly dmaStart: number;
  readonly dmaEnd: number;
  /** One past the machine region (page-aligned): programs' regions start here or above. */
  readonly end: number;
}

export interface NicGeometry {
  readonly rxSize: number;
  readonly txSize: number;
  readonly bufferBytes: number;
}

/** Why a geometry is invalid, or undefined when it is fine (callers turn this into their own error type). */
export function checkGeometry(g: NicGeometry): string | undefined {
  for (const [name, v] of [
    ['rx ring size', g.rxSize],
    ['tx ring size', g.txSize],
  ] as const) {
    if (!Number.isInteger(v) || v < MIN_RING_SIZE || v > MAX_RING_SIZE || (v & (v - 1)) !== 0) {
      return `${name} ${v} must be a power of two in [${MIN_RING_SIZE}, ${MAX_RING_SIZE}]`;
    }
  }
  if (
    !Number.isInteger(g.bufferBytes) ||
    g.bufferBytes < MIN_BUFFER_BYTES ||
    g.bufferBytes > MAX_BUFFER_BYTES
  ) {
    return `buffer size ${g.bufferBytes} must be an integer in [${MIN_BUFFER_BYTES}, ${MAX_BUFFER_BYTES}]`;
  }
  return undefined;
}

const alignUp = (n: number, to: number): number => Math.ceil(n / to) * to;

function ringBytes(size: number): number {
  return size * DESCRIPTOR_BYTES + RING_HEADER_BYTES + size * 4 + RING_HEADER_BYTES + size * USED_ENTRY_BYTES;
}

/** The machine region's memory map for a (valid) geometry. */
export function nicLayout(g: NicGeometry): NicLayout {
  const stride = alignUp(g.bufferBytes, BUFFER_ALIGN);
  let at = PAGE_SIZE; // page 0: driver area
  const ring = (size: number): Omit<QueueLayout, 'buffersAddr'> => {
    const descAddr = at;
    const availAddr = descAddr + size * DESCRIPTOR_BYTES;
    const usedAddr = availAddr + RING_HEADER_BYTES + size * 4;
    at = alignUp(at + ringBytes(size), PAGE_SIZE);
    return { size, descAddr, availAddr, usedAddr };
  };
  const rxRing = ring(g.rxSize);
  const txRing = ring(g.txSize);
  const dmaStart = at;
  const rx = { ...rxRing, buffersAddr: at };
  at += g.rxSize * stride;
  const tx = { ...txRing, buffersAddr: at };
  at += g.txSize * stride;
  return {
    driverAreaAddr: 0,
    rx,
    tx,
    bufferBytes: g.bufferBytes,
    bufferStride: stride,
    dmaStart,
    dmaEnd: at,
    end: alignUp(at, PAGE_SIZE),
  };
}
