/** @vmha/tools: reusable harness pieces (the Linux TUN bridge and real-time guest-tcp driver). */
export * from './tun-bridge/index.ts';
