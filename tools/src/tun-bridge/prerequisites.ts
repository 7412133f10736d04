/**
 * Can this machine run the Linux interop tests? Checks what they need, cheapest first, and names the first
 * thing missing so a skipped run says why (and a root machine with the tools installed never skips).
 */
import { closeSync, openSync } from 'node:fs';
import { findExecutable, runCommand } from './commands.ts';
import { NetworkNamespace } from './network-namespace.ts';

/** Undefined when everything is in place; otherwise why the interop tests cannot run here. */
export function interopSkipReason(): string | undefined {
  if (process.platform !== 'linux') return `needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'needs root (network namespaces, TUN devices and iptables)';
  for (const [tool, pkg] of [
    ['ip', 'iproute2'],
    ['socat', 'socat'],
    ['iptables', 'iptables'],
  ] as const) {
    if (!findExecutable(tool)) return `${tool} is not installed (apt-get install ${pkg})`;
  }
  const socatPath = findExecutable('socat') ?? 'socat';
  try {
    if (!/WITH_TUN 1/.test(runCommand(socatPath, ['-V']))) return 'this socat was built without TUN support';
  } catch (e) {
    return `socat -V failed: ${(e as Error).message}`;
  }
  try {
    closeSync(openSync('/dev/net/tun', 'r+'));
  } catch (e) {
    return `/dev/net/tun cannot be opened: ${(e as Error).message}`;
  }
  let ns: NetworkNamespace | undefined;
  try {
    ns = NetworkNamespace.create('vmha-probe');
  } catch (e) {
    return `ip netns add does not work here: ${(e as Error).message}`;
  }
  try {
    // The loss tests need the statistic match; probe it where it cannot affect the host.
    ns.exec(findExecutable('iptables') ?? 'iptables', [
      '-A',
      'INPUT',
      '-m',
      'statistic',
      '--mode',
      'random',
      '--probability',
      '0.01',
      '-j',
      'DROP',
    ]);
  } catch (e) {
    return `iptables cannot add a statistic rule in a namespace: ${(e as Error).message}`;
  } finally {
    ns.delete();
  }
  return undefined;
}

/**
 * Decides whether a suite that needs the Linux lab skips. The only acceptable reason is a capability this
 * machine lacks (not root, no namespaces or TUN, a tool not installed), and the suite prints it. Where the lab
 * is required — CI sets VMHA_REQUIRE_LINUX_LAB=1, since it runs as root with the tools installed — a missing
 * prerequisite is a failure instead, so the suite can never pass by not running.
 */
export function labSkipReason(suite: string, reason: string | undefined): string | undefined {
  if (reason === undefined) return undefined;
  if (process.env.VMHA_REQUIRE_LINUX_LAB === '1') {
    throw new Error(`[${suite}] VMHA_REQUIRE_LINUX_LAB=1 but the Linux lab cannot run here: ${reason}`);
  }
  console.warn(`[${suite}] skipped: ${reason}`);
  return reason;
}
