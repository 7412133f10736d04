/**
 * The machine's configuration: an options object with defaults, validated up front. A bad value is a
 * MachineConfigError that names the setting, so a misconfigured VMM fails at start, not mid-run.
 */
import { DEFAULT_TCP_CONFIG, resolveConfig, toIpv4Address, type TcpConfig } from '@vmha/guest-tcp';
import { MachineConfigError } from './errors.ts';
import { PAGE_SIZE } from './guest-memory.ts';
import { MAX_BUFFER_BYTES, checkGeometry, type NicGeometry } from './devices/virtio-net-layout.ts';

export const DEFAULT_MEMORY_BYTES = 256 * 1024 * 1024;
/** Guest memory tops out below 4 GiB: guest addresses are 32-bit (and so are the NIC's DMA addresses). */
export const MAX_MEMORY_BYTES = 2 ** 32 - PAGE_SIZE;
/** Descriptors per ring: a slice's worth of traffic at > 1 Gbit/s with 1 ms slices, with room to spare. */
export const DEFAULT_RING_SIZE = 1024;
/** An IPv4 header plus the largest TCP header (60 bytes with options) around a full-MSS payload. */
const HEADER_ROOM = 20 + 60;

export interface NicConfig {
  /** RX descriptors (power of two). Default 1024. */
  rxRingSize?: number;
  /** TX descriptors (power of two). Default 1024. */
  txRingSize?: number;
  /** Bytes per packet buffer, i.e. the largest IPv4 datagram the NIC carries. Default tcp.mss + 80. */
  bufferBytes?: number;
}

export interface MachineConfig {
  /** The guest's IPv4 address, dotted or as a 32-bit number. */
  address: string | number;
  /** Guest memory in bytes, a multiple of 4096. Default 256 MiB. */
  memoryBytes?: number;
  /** Seeds the guest kernel (ISNs, ephemeral ports): same seed, same guest. Default 1. */
  seed?: number;
  /** guest-tcp settings (passed through; validated by guest-tcp's rules). */
  tcp?: Partial<TcpConfig>;
  nic?: NicConfig;
  /** Virtual time at power-on, ms. Default 0. */
  startMs?: number;
}

export interface ResolvedMachineConfig {
  readonly address: number;
  readonly memoryBytes: number;
  readonly seed: number;
  readonly tcp: TcpConfig;
  readonly nic: NicGeometry;
  readonly startMs: number;
}

const MACHINE_KEYS = ['address', 'memoryBytes', 'seed', 'tcp', 'nic', 'startMs'];
const NIC_KEYS = ['rxRingSize', 'txRingSize', 'bufferBytes'];

function rejectUnknown(obj: object, known: readonly string[], prefix: string): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) {
      throw new MachineConfigError(
        `unknown machine setting ${prefix}${key} (known: ${known.map((k) => prefix + k).join(', ')})`,
      );
    }
  }
}

function fail(setting: string, value: unknown, expected: string): never {
  throw new MachineConfigError(`invalid machine setting ${setting}=${String(value)}: expected ${expected}`);
}

export function resolveMachineConfig(config: MachineConfig): ResolvedMachineConfig {
  if (typeof config !== 'object' || config === null) fail('config', config, 'an options object');
  rejectUnknown(config, MACHINE_KEYS, '');

  let address: number;
  try {
    address = toIpv4Address(config.address);
  } catch (e) {
    throw new MachineConfigError(`invalid machine setting address: ${(e as Error).message}`);
  }

  const memoryBytes = config.memoryBytes ?? DEFAULT_MEMORY_BYTES;
  if (
    !Number.isInteger(memoryBytes) ||
    memoryBytes <= 0 ||
    memoryBytes % PAGE_SIZE !== 0 ||
    memoryBytes > MAX_MEMORY_BYTES
  ) {
    fail('memoryBytes', memoryBytes, `a positive multiple of ${PAGE_SIZE} up to ${MAX_MEMORY_BYTES}`);
  }

  const seed = config.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) fail('seed', seed, 'an integer in [0, 2^32)');

  const startMs = config.startMs ?? 0;
  if (!Number.isFinite(startMs) || startMs < 0) fail('startMs', startMs, 'a finite, non-negative time in ms');

  const tcpIn = config.tcp ?? {};
  if (typeof tcpIn !== 'object' || tcpIn === null) fail('tcp', tcpIn, 'an object of guest-tcp settings');
  rejectUnknown(tcpIn, Object.keys(DEFAULT_TCP_CONFIG), 'tcp.');
  let tcp: TcpConfig;
  try {
    tcp = resolveConfig(tcpIn);
  } catch (e) {
    throw new MachineConfigError(`tcp: ${(e as Error).message}`);
  }

  const nicIn = config.nic ?? {};
  if (typeof nicIn !== 'object' || nicIn === null) fail('nic', nicIn, 'an object of NIC settings');
  rejectUnknown(nicIn, NIC_KEYS, 'nic.');
  const needed = Math.min(tcp.mss + HEADER_ROOM, MAX_BUFFER_BYTES);
  const nic: NicGeometry = {
    rxSize: nicIn.rxRingSize ?? DEFAULT_RING_SIZE,
    txSize: nicIn.txRingSize ?? DEFAULT_RING_SIZE,
    bufferBytes: nicIn.bufferBytes ?? needed,
  };
  const problem = checkGeometry(nic);
  if (problem) {
    const setting = problem.startsWith('rx')
      ? 'nic.rxRingSize'
      : problem.startsWith('tx')
        ? 'nic.txRingSize'
        : 'nic.bufferBytes';
    throw new MachineConfigError(`invalid machine setting ${setting}: ${problem}`);
  }
  if (nic.bufferBytes < needed) {
    throw new MachineConfigError(
      `invalid machine setting nic.bufferBytes=${nic.bufferBytes}: a buffer must hold the largest segment for ` +
        `tcp.mss=${tcp.mss} (at least ${needed} bytes)`,
    );
  }
  return { address, memoryBytes, seed, tcp, nic, startMs };
}
