/**
 * The four ways guest-tcp and Linux TCP exchange a bulk stream: Linux or guest as client, data flowing either
 * way. Each returns what the sender wrote and the receiver read (as SHA-256 digests) for the caller to compare,
 * the options the connection negotiated, and the counters that explain how it went.
 */
import type { SocketInfo, TcpSocket } from '@vmha/guest-tcp';
import { acceptOne, receiveAll, sendPattern, type StreamDigest } from './guest-streams.ts';
import type { LinuxLab } from './linux-lab.ts';
import type { LinuxPeerResult } from './linux-peer-process.ts';

export interface TransferSpec {
  bytes: number;
  /** Test pattern seed of the stream. */
  seed: number;
  port: number;
}

/** What guest-tcp agreed with Linux in the handshake. */
export interface Negotiated {
  sack: boolean;
  timestamps: boolean;
  windowScale: SocketInfo['windowScale'];
  /** Payload bytes per full segment (the peer's MSS less per-segment options). */
  mss: number;
}

export interface TransferOutcome {
  /** Who sends to whom, for reports. */
  direction: string;
  sent: StreamDigest;
  received: StreamDigest;
  negotiated: Negotiated;
  /** From start (including launching the Linux peer) to both ends closed, as seen by this process. */
  wallMs: number;
  /** The connection's lifetime as the Linux peer measured it. */
  linuxMs: number;
  guestRetransmittedSegments: number;
  guestRetransmitTimeouts: number;
  resetsSent: number;
  resetsReceived: number;
  /** Datagrams from Linux dropped on their way to the guest by injected loss. */
  droppedTowardGuest: number;
}

interface Ends {
  sent: StreamDigest;
  received: StreamDigest;
  linux: LinuxPeerResult;
  negotiated: Negotiated;
}

export type Scenario = (lab: LinuxLab, spec: TransferSpec) => Promise<TransferOutcome>;

/** Linux connects to a guest-tcp listener and downloads. */
export const linuxDownloadsFromGuest: Scenario = (lab, spec) =>
  measure(lab, 'guest server -> Linux client', async () => {
    let negotiated: Negotiated | undefined;
    const guest = acceptOne(lab.driver, spec.port, (s) => {
      negotiated = negotiatedBy(s);
      return sendPattern(lab.driver, s, spec.bytes, spec.seed);
    });
    const linux = lab.startPeer({
      mode: 'connect',
      host: lab.guestAddress,
      port: spec.port,
      action: 'receive',
    });
    const [sent, received] = await Promise.all([guest, linux.result]);
    return { sent, received, linux: received, negotiated: definite(negotiated) };
  });

/** Linux connects to a guest-tcp listener and uploads. */
export const linuxUploadsToGuest: Scenario = (lab, spec) =>
  measure(lab, 'Linux client -> guest server', async () => {
    let negotiated: Negotiated | undefined;
    const guest = acceptOne(lab.driver, spec.port, (s) => {
      negotiated = negotiatedBy(s);
      return receiveAll(lab.driver, s);
    });
    const linux = lab.startPeer({
      mode: 'connect',
      host: lab.guestAddress,
      port: spec.port,
      action: 'send',
      bytes: spec.bytes,
      seed: spec.seed,
    });
    const [received, sent] = await Promise.all([guest, linux.result]);
    return { sent, received, linux: sent, negotiated: definite(negotiated) };
  });

/** guest-tcp connects to a Linux listener and downloads. */
export const guestDownloadsFromLinux: Scenario = (lab, spec) =>
  measure(lab, 'Linux server -> guest client', async () => {
    const linux = lab.startPeer({
      mode: 'listen',
      host: lab.linuxAddress,
      port: spec.port,
      action: 'send',
      bytes: spec.bytes,
      seed: spec.seed,
    });
    await linux.listening;
    const { socket, negotiated } = connectToLinux(lab, spec.port);
    const [received, sent] = await Promise.all([receiveAll(lab.driver, socket), linux.result]);
    return { sent, received, linux: sent, negotiated: await negotiated };
  });

/** guest-tcp connects to a Linux listener and uploads. */
export const guestUploadsToLinux: Scenario = (lab, spec) =>
  measure(lab, 'guest client -> Linux server', async () => {
    const linux = lab.startPeer({
      mode: 'listen',
      host: lab.linuxAddress,
      port: spec.port,
      action: 'receive',
    });
    await linux.listening;
    const { socket, negotiated } = connectToLinux(lab, spec.port);
    const [sent, received] = await Promise.all([
      sendPattern(lab.driver, socket, spec.bytes, spec.seed),
      linux.result,
    ]);
    return { sent, received, linux: received, negotiated: await negotiated };
  });

function connectToLinux(lab: LinuxLab, port: number): { socket: TcpSocket; negotiated: Promise<Negotiated> } {
  const socket = lab.driver.run(() => lab.stack.connect(lab.linuxAddress, port));
  const negotiated = new Promise<Negotiated>((resolve) =>
    socket.on('connect', () => resolve(negotiatedBy(socket))),
  );
  return { socket, negotiated };
}

function negotiatedBy(socket: TcpSocket): Negotiated {
  const info = socket.info();
  return {
    sack: info.sackEnabled,
    timestamps: info.timestampsEnabled,
    windowScale: info.windowScale,
    mss: info.mss,
  };
}

function definite(negotiated: Negotiated | undefined): Negotiated {
  if (!negotiated) throw new Error('the guest never accepted the connection');
  return negotiated;
}

/** Runs a transfer and reports the guest's counters as deltas over it. */
async function measure(
  lab: LinuxLab,
  direction: string,
  transfer: () => Promise<Ends>,
): Promise<TransferOutcome> {
  const stats = lab.stack.stats;
  const before = { ...stats, droppedTowardGuest: lab.lossy.dropped };
  const started = performance.now();
  const { sent, received, linux, negotiated } = await transfer();
  return {
    direction,
    sent: { bytes: sent.bytes, sha256: sent.sha256 },
    received: { bytes: received.bytes, sha256: received.sha256 },
    negotiated,
    wallMs: performance.now() - started,
    linuxMs: linux.ms,
    guestRetransmittedSegments: stats.retransmittedSegments - before.retransmittedSegments,
    guestRetransmitTimeouts: stats.retransmitTimeouts - before.retransmitTimeouts,
    resetsSent: stats.resetsSent - before.resetsSent,
    resetsReceived: stats.resetsReceived - before.resetsReceived,
    droppedTowardGuest: lab.lossy.dropped - before.droppedTowardGuest,
  };
}

/** One line for the test log: size, time and goodput, and what recovery it took. */
export function describeOutcome(o: TransferOutcome): string {
  const mib = o.received.bytes / (1 << 20);
  const mbps = (o.received.bytes * 8) / (o.linuxMs / 1000) / 1e6;
  const ws = o.negotiated.windowScale;
  return (
    `${o.direction}: ${mib.toFixed(0)} MiB in ${(o.linuxMs / 1000).toFixed(2)} s on the wire ` +
    `(${mbps.toFixed(0)} Mbit/s; ${(o.wallMs / 1000).toFixed(2)} s with peer start-up); ` +
    `guest retransmitted ${o.guestRetransmittedSegments} segments (${o.guestRetransmitTimeouts} RTOs); ` +
    `${o.droppedTowardGuest} datagrams dropped toward the guest; ` +
    `mss ${o.negotiated.mss}, sack ${o.negotiated.sack}, timestamps ${o.negotiated.timestamps}, ` +
    `wscale ${ws ? `${ws.send}/${ws.receive}` : 'off'}`
  );
}
