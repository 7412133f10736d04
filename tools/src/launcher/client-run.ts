/** Runs one client-sim workload as a process on a LocalCluster and collects its progress lines and result. */
import type { LocalCluster } from './local-cluster.ts';

export interface ClientRunOutcome {
  exitCode: number | string;
  /** The `result` object client-sim printed (undefined if it died first). */
  result: Record<string, unknown> | undefined;
  link: unknown;
  /** The client's network attachment counters: datagrams and messages sent and received, drops by reason. */
  network:
    | {
        sent: number;
        messagesSent: number;
        received: number;
        messagesReceived: number;
        dropped: Record<string, number>;
      }
    | undefined;
  /** Log lines from stderr, for diagnosing a failed run. */
  logTail: string[];
}

export async function runClient(
  cluster: LocalCluster,
  instance: string,
  args: string[],
  onProgress?: (progress: Record<string, unknown>) => void,
  nodeArgs?: string[],
): Promise<ClientRunOutcome> {
  let result: Record<string, unknown> | undefined;
  let link: unknown;
  let network: ClientRunOutcome['network'];
  const logTail: string[] = [];
  const proc = await cluster.launch({
    service: 'client-sim',
    instance,
    entry: 'packages/client-sim/src/main.ts',
    args,
    nodeArgs,
    awaitServing: false,
    onLine: (line, stream) => {
      if (stream === 'stderr') {
        logTail.push(line);
        if (logTail.length > 50) logTail.shift();
        if (cluster.verbose) process.stderr.write(`[${instance}] ${line}\n`);
        return;
      }
      try {
        const msg = JSON.parse(line) as {
          progress?: Record<string, unknown>;
          result?: Record<string, unknown>;
          link?: unknown;
          network?: ClientRunOutcome['network'];
        };
        if (msg.progress) onProgress?.(msg.progress);
        if (msg.result) {
          result = msg.result;
          link = msg.link;
          network = msg.network;
        }
      } catch {
        logTail.push(line);
      }
    },
  });
  const exitCode = await proc.exited;
  return { exitCode, result, link, network, logTail };
}
