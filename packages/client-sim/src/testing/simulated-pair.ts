/** A client host and a server stack on a seeded SimNetwork, by default over a lossy, reordering link. */
import { SimNetwork, type LinkOptions, type TcpConfig, type TcpStack } from '@vmha/guest-tcp';
import { SimClientHost } from '../host/sim-client-host.ts';

/** 1 ms each way at 1 Gbit/s, 1% loss and 1% reordering in both directions. */
export const LOSSY_LINK: LinkOptions = {
  delayMs: 1,
  bandwidthMbps: 1000,
  loss: 0.01,
  reorder: 0.01,
  reorderDelayMs: 1.5,
};

export interface SimulatedPair {
  net: SimNetwork;
  client: SimClientHost;
  server: TcpStack;
  serverAddress: string;
}

export function simulatedPair(
  options: { seed?: number; link?: LinkOptions; clientConfig?: Partial<TcpConfig> } = {},
): SimulatedPair {
  const seed = options.seed ?? 1;
  const net = new SimNetwork({ seed, link: options.link ?? LOSSY_LINK });
  // Short TIME-WAIT: many short-lived client connections should not hold ports for a minute of virtual time.
  const client = new SimClientHost(net, {
    address: '10.0.0.1',
    seed: seed + 1,
    mslMs: 1000,
    ...options.clientConfig,
  });
  const serverAddress = '10.0.0.2';
  const server = net.addStack({ address: serverAddress, seed: seed + 2, mslMs: 1000 });
  return { net, client, server, serverAddress };
}
