// A small service for run-service.test.ts, run as its own process: counts VipAnnouncements on a test subject
// and registers shutdown hooks that log (or hang, to exercise the shutdown deadline).
import { VipAnnouncement } from '@vmha/shared-proto';
import { defineSettings, runService, subscribeMessages } from './index.ts';

const settings = defineSettings({
  memoryMib: { type: 'int', default: 256, min: 16, description: 'Guest memory in MiB' },
  hangOnShutdown: { type: 'bool', default: false, description: 'Make the last shutdown hook never finish' },
  failInMain: { type: 'bool', default: false, description: 'Throw from main' },
});

await runService({
  name: 'fixture',
  description: 'A service for the runtime tests.',
  settings,
  async main(ctx) {
    if (ctx.config.failInMain) throw new Error('main failed on purpose');
    subscribeMessages(
      ctx.nc,
      'test.fixture',
      VipAnnouncement,
      (announcement) => ctx.counters.increment(`fixture.${announcement.vmId}`),
      { counters: ctx.counters, logger: ctx.logger },
    );
    ctx.onShutdown('first', () => ctx.logger.info('hook first ran'));
    ctx.onShutdown('second', async () => {
      ctx.logger.info('hook second ran', { aborted: ctx.signal.aborted, status: ctx.health.status });
      if (ctx.config.hangOnShutdown) await new Promise(() => undefined);
    });
    await ctx.nc.flush(); // the server has the subscription before we say we serve (else early messages vanish)
    ctx.logger.info('fixture ready', { memoryMib: ctx.config.memoryMib });
  },
});
