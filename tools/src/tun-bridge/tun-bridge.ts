/**
 * A Linux TUN device inside a network namespace, bridged to this process over UDP on the host loopback:
 *
 *   Linux TCP (in the namespace) <-> TUN device <-> socat (host) <-> UDP 127.0.0.1 <-> TunBridge (this process)
 *
 * One UDP datagram carries exactly one IPv4 packet (the device has no packet-information header). socat opens
 * the device in the host namespace, then the device is moved into the namespace and configured there; socat
 * keeps its file descriptor, so packets still flow. Only loopback and the namespace carry traffic.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import type { NetworkNamespace } from './network-namespace.ts';
import { isRunning, killOnExit, stopProcess } from './child-processes.ts';
import { requireExecutable, tryCommand } from './commands.ts';
import type { PacketPort } from './packet-port.ts';

export interface TunBridgeOptions {
  namespace: NetworkNamespace;
  /** Linux's address on the device, inside the namespace. */
  linuxAddress: string;
  prefixLength: number;
  /** Interface name (at most 15 characters); a random `gt…` name when omitted. */
  deviceName?: string;
  mtu?: number;
}

export interface TunBridgeStats {
  packetsToLinux: number;
  packetsFromLinux: number;
  /** IPv6 or malformed frames from the device, not passed on (the guest speaks IPv4 only). */
  nonIpv4Dropped: number;
  /** Send errors reported by the UDP socket (e.g. socat gone). */
  sendErrors: number;
}

/** Large socket buffers so bursts at loopback speed are not dropped before the stacks see them. */
const SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;
const DEVICE_WAIT_MS = 5000;
const SOCAT_ATTEMPTS = 3;

export class TunBridge implements PacketPort {
  readonly stats: TunBridgeStats = {
    packetsToLinux: 0,
    packetsFromLinux: 0,
    nonIpv4Dropped: 0,
    sendErrors: 0,
  };
  private handler: ((packet: Uint8Array) => void) | undefined;
  private closed = false;

  private constructor(
    readonly device: string,
    readonly namespace: NetworkNamespace,
    private readonly socket: Socket,
    private readonly socat: ChildProcess,
  ) {
    socket.on('message', (msg) => this.receive(msg));
    socket.on('error', () => this.stats.sendErrors++);
  }

  static async open(options: TunBridgeOptions): Promise<TunBridge> {
    const device = options.deviceName ?? `gt${randomBytes(4).toString('hex')}`;
    if (device.length > 15) throw new Error(`interface name ${device} is longer than 15 characters`);
    const socket = await bindLoopbackSocket(0);
    let socat: ChildProcess | undefined;
    try {
      const started = await startSocat(device, socket.address().port);
      socat = started.process;
      await connectSocket(socket, started.port);
      const ns = options.namespace;
      ns.adopt(device);
      // The guest is IPv4 only: keep IPv6 (router solicitations, MLD) off the link.
      ns.exec('sh', ['-c', `echo 1 > /proc/sys/net/ipv6/conf/${device}/disable_ipv6`]);
      ns.ip(['addr', 'add', `${options.linuxAddress}/${options.prefixLength}`, 'dev', device]);
      ns.ip(['link', 'set', device, 'mtu', String(options.mtu ?? 1500), 'up']);
      return new TunBridge(device, ns, socket, socat);
    } catch (e) {
      if (socat) await stopProcess(socat);
      socket.close();
      throw e;
    }
  }

  send(packet: Uint8Array): void {
    if (this.closed) return;
    this.stats.packetsToLinux++;
    this.socket.send(packet);
  }

  onPacket(handler: (packet: Uint8Array) => void): void {
    this.handler = handler;
  }

  /** Stops socat (which removes the device) and closes the socket. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await stopProcess(this.socat);
    this.socket.close();
  }

  private receive(msg: Buffer): void {
    if (this.closed) return;
    if (msg.length < 20 || msg[0] >> 4 !== 4) {
      this.stats.nonIpv4Dropped++;
      return;
    }
    this.stats.packetsFromLinux++;
    this.handler?.(msg);
  }
}

function bindLoopbackSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket({
      type: 'udp4',
      recvBufferSize: SOCKET_BUFFER_BYTES,
      sendBufferSize: SOCKET_BUFFER_BYTES,
    });
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

function connectSocket(socket: Socket, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.connect(port, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve()));
  });
}

/** A loopback UDP port that was free a moment ago (socat must be told its own port up front). */
async function freeLoopbackPort(): Promise<number> {
  const probe = await bindLoopbackSocket(0);
  const port = probe.address().port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Starts socat with the TUN device on one side and a connected UDP socket toward `nodePort` on the other, and
 * waits until the device exists. Retries with another port if the reserved one was taken in between.
 */
async function startSocat(
  device: string,
  nodePort: number,
): Promise<{ process: ChildProcess; port: number }> {
  const socatPath = requireExecutable('socat');
  const ipPath = requireExecutable('ip');
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < SOCAT_ATTEMPTS; attempt++) {
    const port = await freeLoopbackPort();
    const child = spawn(
      socatPath,
      [
        '-b',
        '65536',
        `TUN,tun-type=tun,iff-no-pi,tun-name=${device}`,
        `UDP:127.0.0.1:${nodePort},bind=127.0.0.1:${port},rcvbuf=${SOCKET_BUFFER_BYTES},sndbuf=${SOCKET_BUFFER_BYTES}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    killOnExit(child);
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + DEVICE_WAIT_MS;
    while (isRunning(child) && Date.now() < deadline) {
      if (tryCommand(ipPath, ['link', 'show', 'dev', device]).ok) return { process: child, port };
      await Promise.race([exited, sleep(20)]);
    }
    await stopProcess(child);
    lastError = new Error(`socat did not create TUN device ${device}: ${stderr.trim() || 'timed out'}`);
  }
  throw lastError ?? new Error('socat failed');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
