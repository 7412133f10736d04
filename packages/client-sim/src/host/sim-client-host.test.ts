import { SimNetwork } from '@vmha/guest-tcp';
import { describe, expect, it } from 'vitest';
import { SimClientHost } from './sim-client-host.ts';

describe('the simulated client host', () => {
  it('fires timers in virtual time, in order, including ones armed for now by another timer', () => {
    const net = new SimNetwork({ seed: 1 });
    const host = new SimClientHost(net, { address: '10.0.0.1' });
    const fired: Array<[string, number]> = [];
    host.setTimer(30, () => fired.push(['b', host.now()]));
    host.setTimer(10, () => {
      fired.push(['a', host.now()]);
      host.setTimer(host.now(), () => fired.push(['a-now', host.now()]));
    });
    host.setTimer(30, () => fired.push(['c', host.now()]));
    const cancel = host.setTimer(20, () => fired.push(['cancelled', host.now()]));
    cancel();
    net.runFor(100);
    expect(fired).toEqual([
      ['a', 10],
      ['a-now', 10],
      ['b', 30],
      ['c', 30],
    ]);
  });

  it('stands in for the plain stack node, so packets still reach the stack', () => {
    const net = new SimNetwork({ seed: 2, link: { delayMs: 1 } });
    const host = new SimClientHost(net, { address: '10.0.0.1' });
    const server = net.addStack({ address: '10.0.0.2' });
    server.listen(80);
    const socket = host.run(() => host.stack.connect('10.0.0.2', 80));
    let connected = false;
    socket.on('connect', () => (connected = true));
    net.runUntil(() => connected, 1000);
    expect(net.clock.t).toBe(2);
  });
});
