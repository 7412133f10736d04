/**
 * The lifecycle every service shares: config → logs → telemetry → NATS → health → main → serving; then on SIGINT
 * or SIGTERM (or ctx.shutdown) a graceful stop: health says draining, shutdown hooks run newest first within a
 * deadline, NATS drains, telemetry flushes, and the process exits.
 */
import type { NatsConnection } from '@nats-io/transport-node';
import { isSubjectToken } from '@vmha/shared-proto';
import {
  formatUsage,
  parseConfig,
  type ConfigValues,
  type ParseConfigOptions,
  type Settings,
} from './config.ts';
import { Counters } from './counters.ts';
import { startHealth } from './health.ts';
import { startHealthFile, type HealthFile } from './health-file.ts';
import { createLogger } from './logger.ts';
import { closeNats, connectNats } from './nats-connection.ts';
import { runtimeSettings } from './runtime-settings.ts';
import { shutdownTelemetry, startTelemetry, type TelemetryOptions } from './telemetry.ts';
import type { HealthResponder, Logger, RuntimeSettings, ServiceContext, ShutdownHook } from './types.ts';

export interface ServiceDefinition<S extends Settings> {
  /** The service's name: a NATS subject token (health.<name>.<instance>), e.g. `primary-vmm`. */
  name: string;
  /** One line for --help. */
  description?: string;
  /** The service's own settings (runtime settings such as --nats-url are added). */
  settings: S;
  /** Starts the service: subscribe, register shutdown hooks. The service is `serving` once it resolves. */
  main(ctx: ServiceContext<S>): void | Promise<void>;
  /** Default: process.argv and process.env. */
  config?: ParseConfigOptions;
  /** Extra telemetry options (span processors, resource attributes). */
  telemetry?: Partial<Omit<TelemetryOptions, 'serviceName' | 'instance'>>;
}

/** Exit codes: 0 clean stop, 1 failure (main threw, a hook failed or timed out, uncaught error), 2 bad config. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** What a shutdown hook still gets once the shared deadline has passed. */
const HOOK_GRACE_MS = 1_000;

/** Runs a service until it is told to stop; the process exits at the end of its shutdown. */
export async function runService<S extends Settings>(definition: ServiceDefinition<S>): Promise<void> {
  if (!isSubjectToken(definition.name))
    throw new Error(`service name ${JSON.stringify(definition.name)} is not a subject token`);
  for (const key of Object.keys(definition.settings)) {
    if (key in runtimeSettings)
      throw new Error(`service setting ${key} clashes with the runtime setting of that name`);
  }
  const settings = { ...runtimeSettings, ...definition.settings } as S & RuntimeSettings;
  const parsed = parseConfig(settings, definition.config);
  const usage = () =>
    formatUsage(settings, { program: definition.name, description: definition.description });
  if (parsed.kind === 'help') {
    process.stdout.write(usage());
    process.exit(EXIT_OK);
  }
  if (parsed.kind === 'invalid') {
    process.stderr.write(
      parsed.errors.map((error) => `${definition.name}: ${error}\n`).join('') + '\n' + usage(),
    );
    process.exit(EXIT_USAGE);
  }
  const config = parsed.config as ConfigValues<S> & ConfigValues<RuntimeSettings>;
  const service = definition.name;
  const instance = config.instance;
  const logger = createLogger({ service, instance, level: config.logLevel });
  const lifecycle = new Lifecycle(logger, config.shutdownTimeoutMs);
  lifecycle.trapSignals();

  try {
    const telemetry = startTelemetry({
      ...definition.telemetry,
      serviceName: service,
      instance,
      otlpEndpoint: config.otlpEndpoint ?? '',
    });
    lifecycle.telemetryStarted = true;
    const counters = new Counters();
    telemetry.meter
      .createObservableGauge('vmha.counter', { description: 'Service counters by name' })
      .addCallback((result) => {
        for (const [name, value] of Object.entries(counters.snapshot()))
          result.observe(value, { counter: name });
      });
    logger.info('starting', { otlp: telemetry.otlpEndpoint ?? 'off', nats: config.natsUrl });
    const nc = await connectNats({ servers: config.natsUrl, name: `${service}/${instance}`, logger });
    lifecycle.nc = nc;
    const health = startHealth(nc, { service, instance, counters, logger });
    lifecycle.health = health;
    if (config.healthFile !== undefined) {
      const file = startHealthFile(config.healthFile, () => health.status, {
        onError: (err) => logger.warn('health file not written', { path: config.healthFile, err }),
      });
      lifecycle.healthFile = file;
    }
    const ctx: ServiceContext<S> = {
      service,
      instance,
      config,
      logger,
      nc,
      counters,
      health,
      tracer: telemetry.tracer,
      meter: telemetry.meter,
      signal: lifecycle.abort.signal,
      onShutdown: (name, hook) => lifecycle.hooks.push({ name, hook }),
      shutdown: (reason, exitCode) => lifecycle.shutdown(reason, exitCode ?? EXIT_OK),
    };
    await definition.main(ctx);
    if (lifecycle.stopping) return;
    health.setStatus('serving');
    lifecycle.healthFile?.write();
    logger.info('serving');
  } catch (err) {
    logger.error('service failed to start', { err });
    await lifecycle.shutdown('start failed', EXIT_FAILURE);
  }
}

interface NamedHook {
  name: string;
  hook: ShutdownHook;
}

class Lifecycle {
  readonly abort = new AbortController();
  readonly hooks: NamedHook[] = [];
  nc: NatsConnection | undefined;
  health: HealthResponder | undefined;
  healthFile: HealthFile | undefined;
  telemetryStarted = false;
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs: number,
  ) {}

  get stopping(): boolean {
    return this.stopped !== undefined;
  }

  trapSignals(): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        if (this.stopping) {
          this.logger.warn(`second ${signal} during shutdown; exiting now`);
          process.exit(EXIT_FAILURE);
        }
        void this.shutdown(signal, EXIT_OK);
      });
    }
    // Started by the launcher (tests, the demo): its end of our stdin closes when it dies, however it dies
    // (a SIGKILLed test runner cannot clean up), and a service must not live on as an orphan.
    if (process.env.VMHA_EXIT_WITH_PARENT === '1') {
      process.stdin.on('end', () => void this.shutdown('launcher gone', EXIT_FAILURE));
      process.stdin.on('error', () => void this.shutdown('launcher gone', EXIT_FAILURE));
      process.stdin.resume();
    }
    process.on('uncaughtException', (err) => {
      this.logger.error('uncaught exception', { err });
      void this.shutdown('uncaught exception', EXIT_FAILURE);
    });
    process.on('unhandledRejection', (err) => {
      this.logger.error('unhandled promise rejection', { err });
      void this.shutdown('unhandled rejection', EXIT_FAILURE);
    });
  }

  shutdown(reason: string, exitCode: number): Promise<void> {
    this.stopped ??= this.stop(reason, exitCode);
    return this.stopped;
  }

  private async stop(reason: string, exitCode: number): Promise<void> {
    this.logger.info('shutting down', { reason });
    this.health?.setStatus('draining');
    this.healthFile?.write();
    this.abort.abort(reason);
    const deadline = performance.now() + this.timeoutMs;
    const hooksOk = await this.runHooks(reason, deadline);
    if (this.nc) await closeNats(this.nc, { timeoutMs: Math.max(1_000, deadline - performance.now()) });
    if (this.telemetryStarted) {
      await withTimeout(shutdownTelemetry(), 5_000).catch((err: unknown) =>
        this.logger.warn('telemetry shutdown failed', { err }),
      );
    }
    const code = hooksOk ? exitCode : EXIT_FAILURE;
    this.logger.info('stopped', { reason, exitCode: code });
    process.exit(code);
  }

  /**
   * Newest hook first (it may depend on older ones). Every hook runs even if an earlier one failed or hung: hooks
   * share the deadline, and one that starts after it still gets a short grace, since skipping a cleanup (releasing a
   * lease, say) is worse than a slightly later exit.
   */
  private async runHooks(reason: string, deadline: number): Promise<boolean> {
    let ok = true;
    for (const { name, hook } of [...this.hooks].reverse()) {
      const budget = Math.max(deadline - performance.now(), Math.min(HOOK_GRACE_MS, this.timeoutMs));
      try {
        await withTimeout(
          Promise.resolve().then(() => hook(reason)),
          budget,
        );
        this.logger.debug('shutdown hook done', { hook: name });
      } catch (err) {
        this.logger.error('shutdown hook failed', { hook: name, err });
        ok = false;
      }
    }
    return ok;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms)} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
