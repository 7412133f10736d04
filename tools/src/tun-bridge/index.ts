/** The Linux TUN bridge and the pieces to drive guest-tcp in real time against the kernel's TCP. */
export { CommandError, findExecutable, requireExecutable, runCommand, tryCommand } from './commands.ts';
export { isRunning, killOnExit, stopProcess } from './child-processes.ts';
export { NetworkNamespace } from './network-namespace.ts';
export type { PacketPort } from './packet-port.ts';
export { TunBridge, type TunBridgeOptions, type TunBridgeStats } from './tun-bridge.ts';
export { RandomLoss } from './random-loss.ts';
export { LossyPort } from './lossy-port.ts';
export {
  acceptOne,
  patternDigest,
  receiveAll,
  sendPattern,
  type StreamDigest,
  type StreamOptions,
} from './guest-streams.ts';
export { LinuxPeer, type LinuxPeerCommand, type LinuxPeerResult } from './linux-peer-process.ts';
export { LinuxLab, type LinkLoss, type LinuxLabOptions } from './linux-lab.ts';
export { interopSkipReason, labSkipReason } from './prerequisites.ts';
