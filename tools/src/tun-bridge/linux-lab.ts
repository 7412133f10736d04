/**
 * One guest-tcp stack attached to Linux: a fresh namespace, a TUN bridge into it and a real-time driver, plus
 * the Linux peers and loss rules started during the run. `close()` undoes all of it, also after a failure.
 */
import { TunBridge } from './tun-bridge.ts';
import { LinuxPeer, type LinuxPeerCommand } from './linux-peer-process.ts';
import { LossyPort } from './lossy-port.ts';
import { NetworkNamespace } from './network-namespace.ts';
import { RandomLoss } from './random-loss.ts';
import { RealtimeClientHost, type RealtimeClientHostOptions } from '@vmha/client-sim';

export interface LinuxLabOptions {
  /** Linux's address on the TUN device (default 10.77.0.1). */
  linuxAddress?: string;
  /** The guest stack's address, in the same subnet (default 10.77.0.2). */
  guestAddress?: string;
  prefixLength?: number;
  mtu?: number;
  /** guest-tcp settings; the address comes from `guestAddress`. */
  stack?: Omit<RealtimeClientHostOptions, 'address' | 'port'>;
  /** Seeds the loss injected toward the guest (default 1). */
  lossSeed?: number;
}

/** Loss on both directions of the link, until `remove()`. */
export interface LinkLoss {
  remove(): void;
}

export class LinuxLab {
  private readonly peers = new Set<LinuxPeer>();
  private readonly losses = new Set<RandomLoss>();
  private closed = false;

  private constructor(
    readonly namespace: NetworkNamespace,
    readonly bridge: TunBridge,
    readonly lossy: LossyPort,
    readonly driver: RealtimeClientHost,
    readonly linuxAddress: string,
    readonly guestAddress: string,
  ) {}

  static async create(options: LinuxLabOptions = {}): Promise<LinuxLab> {
    const linuxAddress = options.linuxAddress ?? '10.77.0.1';
    const guestAddress = options.guestAddress ?? '10.77.0.2';
    const namespace = NetworkNamespace.create('vmha-tcp');
    try {
      const bridge = await TunBridge.open({
        namespace,
        linuxAddress,
        prefixLength: options.prefixLength ?? 24,
        mtu: options.mtu ?? 1500,
      });
      const lossy = new LossyPort(bridge, options.lossSeed ?? 1);
      const driver = new RealtimeClientHost({ ...options.stack, address: guestAddress, port: lossy });
      return new LinuxLab(namespace, bridge, lossy, driver, linuxAddress, guestAddress);
    } catch (e) {
      namespace.delete();
      throw e;
    }
  }

  get stack(): RealtimeClientHost['stack'] {
    return this.driver.stack;
  }

  /** Starts linux-peer.ts in the namespace; it is stopped by close() if still running. */
  startPeer(command: LinuxPeerCommand): LinuxPeer {
    const peer = LinuxPeer.start(this.namespace, command);
    this.peers.add(peer);
    void peer.result.finally(() => this.peers.delete(peer)).catch(() => undefined);
    return peer;
  }

  /**
   * Drops packets with `probability` each way until `remove()` or close(): iptables on Linux's side of the
   * device (INPUT and OUTPUT), plus seeded loss of what Linux sent, on its way to the guest (see LossyPort for
   * why the OUTPUT rule alone never makes the guest see a hole).
   */
  addLoss(probability: number): LinkLoss {
    const rules = RandomLoss.add(this.namespace, this.bridge.device, probability);
    this.losses.add(rules);
    this.lossy.inboundLoss = probability;
    return {
      remove: () => {
        rules.remove();
        this.losses.delete(rules);
        this.lossy.inboundLoss = 0;
      },
    };
  }

  /** Idempotent, and each step runs even if an earlier one failed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.driver.stop();
    await Promise.allSettled([...this.peers].map((p) => p.stop()));
    for (const loss of this.losses) loss.remove();
    await this.bridge.close().catch(() => undefined);
    this.namespace.delete();
  }
}
