/**
 * Random packet loss on Linux's side of the link, with iptables' `statistic` match inside the namespace: each
 * packet entering (INPUT) or leaving (OUTPUT) through the device is dropped with the given probability.
 *
 * Note what each direction does: an INPUT drop loses a packet the guest sent, exactly like a lossy wire. An
 * OUTPUT drop happens inside Linux's own transmit path, which reports it to TCP as a local error (EPERM): Linux
 * keeps the segment queued and sends it again later, so it shows up as delay, not as a hole the guest sees.
 */
import type { NetworkNamespace } from './network-namespace.ts';
import { requireExecutable } from './commands.ts';

export class RandomLoss {
  private removed = false;

  private constructor(
    private readonly namespace: NetworkNamespace,
    private readonly rules: ReadonlyArray<readonly string[]>,
  ) {}

  static add(namespace: NetworkNamespace, device: string, probability: number): RandomLoss {
    if (!(probability >= 0 && probability <= 1))
      throw new Error(`loss probability ${probability} not in [0, 1]`);
    const drop = ['-m', 'statistic', '--mode', 'random', '--probability', String(probability), '-j', 'DROP'];
    const rules = [
      ['INPUT', '-i', device, ...drop],
      ['OUTPUT', '-o', device, ...drop],
    ];
    const iptables = requireExecutable('iptables');
    const added: string[][] = [];
    try {
      for (const rule of rules) {
        namespace.exec(iptables, ['-A', ...rule]);
        added.push(rule);
      }
    } catch (e) {
      new RandomLoss(namespace, added).remove();
      throw e;
    }
    return new RandomLoss(namespace, rules);
  }

  /** Deletes the rules (best effort, idempotent); deleting the namespace would drop them too. */
  remove(): void {
    if (this.removed) return;
    this.removed = true;
    const iptables = requireExecutable('iptables');
    for (const rule of this.rules) this.namespace.tryExec(iptables, ['-D', ...rule]);
  }
}
