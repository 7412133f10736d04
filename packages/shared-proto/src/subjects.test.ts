import { describe, expect, it } from 'vitest';
import { SubjectError, isSubjectToken, subjects } from './index.ts';

describe('subjects', () => {
  it('names every subject under vmha.v1', () => {
    expect(subjects.netAddress('10.0.0.2')).toBe('vmha.v1.net.10.0.0.2');
    expect(subjects.netAddress(0x0a000002)).toBe('vmha.v1.net.10.0.0.2');
    expect(subjects.netAddress(0xffffffff)).toBe('vmha.v1.net.255.255.255.255');
    expect(subjects.vipAnnounce('vm1')).toBe('vmha.v1.vip.vm1');
    expect(subjects.vipAnnounceAll).toBe('vmha.v1.vip.*');
    expect(subjects.vmStatus('vm1')).toBe('vmha.v1.vm.vm1.status');
    expect(subjects.health('primary-vmm', 'host-a')).toBe('vmha.v1.health.primary-vmm.host-a');
    expect(subjects.healthAll).toBe('vmha.v1.health.all');
    expect(subjects.replicationChunks('vm1', 'host-b')).toBe('vmha.v1.repl.vm1.chunks.host-b');
    expect(subjects.replicationAcks('vm1')).toBe('vmha.v1.repl.vm1.acks');
    expect(subjects.replicationHeartbeat('vm1')).toBe('vmha.v1.repl.vm1.heartbeat');
    expect(subjects.replicationJoin('vm1')).toBe('vmha.v1.repl.vm1.join');
    expect(subjects.replicationEpochs('vm1')).toBe('vmha.v1.repl.vm1.epochs');
    expect(subjects.replicationHandover('vm1')).toBe('vmha.v1.repl.vm1.handover');
    expect(subjects.replicationMode('vm1')).toBe('vmha.v1.repl.vm1.mode');
    expect(subjects.replicationTakeover('vm1', 'b-1')).toBe('vmha.v1.repl.vm1.takeover.b-1');
    expect(subjects.testFault('host-a')).toBe('vmha.v1.test.fault.host-a');
    expect(() => subjects.replicationChunks('vm1', 'b.c')).toThrow(/backup instance/);
  });

  it('rejects anything but a canonical IPv4 address, naming the value and the expected form', () => {
    for (const bad of [
      '10.0.0',
      '10.0.0.256',
      '10.0.0.02',
      '10.0.0.2 ',
      '10.0.0.*',
      '',
      'a.b.c.d',
      '1.2.3.4.5',
    ]) {
      expect(() => subjects.netAddress(bad), bad).toThrow(SubjectError);
    }
    for (const bad of [-1, 2 ** 32, 1.5, NaN]) {
      expect(() => subjects.netAddress(bad), String(bad)).toThrow(SubjectError);
    }
    expect(() => subjects.netAddress('10.0.0.256')).toThrow(
      /invalid IPv4 address "10\.0\.0\.256": expected a dotted quad/,
    );
  });

  it('rejects tokens that would add levels, match as wildcards or break the protocol line', () => {
    for (const bad of ['', 'a.b', '*', '>', 'a b', 'a\tb', 'a\r\nb', 'x\u0000']) {
      expect(isSubjectToken(bad), JSON.stringify(bad)).toBe(false);
      expect(() => subjects.vipAnnounce(bad)).toThrow(SubjectError);
      expect(() => subjects.health(bad, 'i')).toThrow(/invalid service/);
      expect(() => subjects.health('s', bad)).toThrow(/invalid instance/);
      expect(() => subjects.vmStatus(bad)).toThrow(/invalid vm id/);
    }
    expect(isSubjectToken(undefined)).toBe(false);
    expect(isSubjectToken('primary-vmm_1:a@b')).toBe(true);
  });
});
