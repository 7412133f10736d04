/** The local cluster launcher: nats-server and services as processes, for the demo and process-mode e2e. */
export { LocalCluster, REPO_ROOT, type LocalClusterOptions, type ServiceLaunch } from './local-cluster.ts';
export { runClient, type ClientRunOutcome } from './client-run.ts';
export { ProcessGroup, type ProcessSpec, type RunningProcess } from './process-group.ts';
export { counters, killChain, until, type GuestHost, type KillChainOptions } from './kill-chain.ts';
