import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineSettings, formatUsage, parseConfig, type ConfigValues } from './index.ts';

const settings = defineSettings({
  memoryMib: { type: 'int', default: 256, min: 16, max: 65536, description: 'Guest memory in MiB' },
  lossRate: { type: 'number', default: 0, min: 0, max: 1, description: 'Packet loss probability' },
  vmId: { type: 'string', description: 'The VM to run' },
  verbose: { type: 'bool', default: false, description: 'Chatty' },
  mode: { type: 'enum', values: ['native', 'replicated'], default: 'native', description: 'How to run' },
  vip: { type: 'ipv4', default: '10.0.0.2', description: 'Virtual IP' },
  epoch: { type: 'duration-ms', default: 25, description: 'Epoch length' },
  label: { type: 'string', optional: true, env: 'CUSTOM_LABEL', flag: 'tag', description: 'Free text' },
});

const parse = (argv: string[], env: Record<string, string> = {}) => parseConfig(settings, { argv, env });

describe('parseConfig', () => {
  it('reads --name=value and --name value, and types the result from the declarations', () => {
    const result = parse(['--memory-mib=512', '--vm-id', 'vm1', '--epoch', '2s', '--mode=replicated']);
    expect(result).toMatchObject({
      kind: 'ok',
      config: {
        memoryMib: 512,
        vmId: 'vm1',
        epoch: 2000,
        mode: 'replicated',
        verbose: false,
        label: undefined,
      },
    });
    if (result.kind === 'ok') {
      expectTypeOf(result.config).toEqualTypeOf<ConfigValues<typeof settings>>();
      expectTypeOf(result.config.mode).toEqualTypeOf<'native' | 'replicated'>();
      expectTypeOf(result.config.memoryMib).toEqualTypeOf<number>();
      expectTypeOf(result.config.label).toEqualTypeOf<string | undefined>();
      expectTypeOf(result.config.verbose).toEqualTypeOf<boolean>();
    }
  });

  it('lets flags override the environment, and the environment override defaults', () => {
    const env = { VMHA_MEMORY_MIB: '1024', VMHA_VM_ID: 'from-env', VMHA_LOSS_RATE: '0.5' };
    const result = parse(['--memory-mib=2048'], env);
    expect(result).toMatchObject({
      kind: 'ok',
      config: { memoryMib: 2048, vmId: 'from-env', lossRate: 0.5, vip: '10.0.0.2' },
      sources: { memoryMib: 'flag', vmId: 'env', lossRate: 'env', vip: 'default', label: 'unset' },
    });
  });

  it('uses custom flag and environment names, and treats an empty variable as unset', () => {
    expect(parse(['--vm-id=a'], { CUSTOM_LABEL: 'x' })).toMatchObject({ config: { label: 'x' } });
    expect(parse(['--vm-id=a', '--tag', 'y'])).toMatchObject({ config: { label: 'y' } });
    expect(parse(['--vm-id=a'], { CUSTOM_LABEL: '', VMHA_MEMORY_MIB: '' })).toMatchObject({
      config: { label: undefined, memoryMib: 256 },
    });
  });

  it('reads booleans as a bare flag, --no-flag, or an explicit value', () => {
    expect(parse(['--vm-id=a', '--verbose'])).toMatchObject({ config: { verbose: true } });
    expect(parse(['--vm-id=a', '--verbose', '--no-verbose'])).toMatchObject({ config: { verbose: false } });
    expect(parse(['--vm-id=a', '--verbose=off'])).toMatchObject({ config: { verbose: false } });
    expect(parse(['--vm-id=a'], { VMHA_VERBOSE: 'yes' })).toMatchObject({ config: { verbose: true } });
  });

  it('reads durations with units; a bare number is milliseconds', () => {
    for (const [raw, ms] of [
      ['40', 40],
      ['250ms', 250],
      ['1.5s', 1500],
      ['2m', 120_000],
      ['1h', 3_600_000],
    ] as const) {
      expect(parse(['--vm-id=a', `--epoch=${raw}`]), raw).toMatchObject({ config: { epoch: ms } });
    }
  });

  it('names the setting, the source and the expected form for a bad value', () => {
    expect(parse(['--vm-id=a', '--memory-mib=lots'])).toEqual({
      kind: 'invalid',
      errors: ['invalid memoryMib "lots" from flag --memory-mib: expected an integer from 16 to 65536'],
    });
    expect(parse(['--vm-id=a'], { VMHA_MEMORY_MIB: '8' })).toEqual({
      kind: 'invalid',
      errors: [
        'invalid memoryMib "8" from environment VMHA_MEMORY_MIB: expected an integer from 16 to 65536',
      ],
    });
    const bad = parse([
      '--vm-id=a',
      '--mode=fast',
      '--vip=10.0.0.256',
      '--epoch=soon',
      '--loss-rate=2',
      '--verbose=maybe',
    ]);
    expect(bad.kind === 'invalid' && bad.errors).toEqual([
      'invalid lossRate "2" from flag --loss-rate: expected a number from 0 to 1',
      'invalid verbose "maybe" from flag --verbose: expected true or false',
      'invalid mode "fast" from flag --mode: expected one of native, replicated',
      'invalid vip "10.0.0.256" from flag --vip: expected an IPv4 address like 10.0.0.2',
      'invalid epoch "soon" from flag --epoch: expected a duration like 250ms, 2s or 1m (a bare number is ms)',
    ]);
  });

  it('rejects unknown flags (suggesting the near one), stray arguments and flags missing their value', () => {
    const result = parse(['--vm-id=a', '--memroy-mib=3', '--frobnicate', 'stray', '--mode']);
    expect(result.kind === 'invalid' && result.errors).toEqual([
      'unknown flag --memroy-mib (did you mean --memory-mib?); see --help',
      'unknown flag --frobnicate; see --help',
      'unexpected argument "stray": settings are given as --name=value',
      'flag --mode needs a value: --mode=native|replicated',
    ]);
  });

  it('names a missing required setting and both ways to set it', () => {
    expect(parse([])).toEqual({
      kind: 'invalid',
      errors: ['missing required setting vmId: set --vm-id=<string> or VMHA_VM_ID'],
    });
  });

  it('recognises --help anywhere, even beside bad flags', () => {
    expect(parse(['--bogus', '--help'])).toEqual({ kind: 'help' });
    expect(parse(['-h'])).toEqual({ kind: 'help' });
  });

  it('refuses declarations that cannot work (a bug, so it throws)', () => {
    expect(() =>
      parseConfig({ a: { type: 'int', default: 1.5, description: '' } }, { argv: [], env: {} }),
    ).toThrow(/default 1.5 is not an integer/);
    expect(() =>
      parseConfig(
        { a: { type: 'int', flag: 'x', description: '' }, b: { type: 'int', flag: 'x', description: '' } },
        { argv: [], env: {} },
      ),
    ).toThrow(/share the flag --x/);
  });

  it('applies a custom check and reports its expectation', () => {
    const custom = defineSettings({
      name: {
        type: 'string',
        default: 'ok',
        description: '',
        validate: (v) => (v.includes('.') ? 'no dots' : undefined),
      },
    });
    expect(parseConfig(custom, { argv: ['--name=a.b'], env: {} })).toEqual({
      kind: 'invalid',
      errors: ['invalid name "a.b" from flag --name: expected no dots'],
    });
  });
});

describe('formatUsage', () => {
  it('lists every setting with its form, default, environment variable and description', () => {
    const usage = formatUsage(settings, { program: 'primary-vmm', description: 'Runs one guest.' });
    expect(usage).toContain('Usage: primary-vmm [options]');
    expect(usage).toContain('Runs one guest.');
    expect(usage).toMatch(/--memory-mib=<int> +Guest memory in MiB \(default 256; env VMHA_MEMORY_MIB\)/);
    expect(usage).toMatch(/--vm-id=<string> +The VM to run \(required; env VMHA_VM_ID\)/);
    expect(usage).toMatch(/--mode=native\|replicated +How to run \(default native; env VMHA_MODE\)/);
    expect(usage).toMatch(/--verbose +Chatty \(default false; env VMHA_VERBOSE\)/);
    expect(usage).toMatch(/--tag=<string> +Free text \(optional; env CUSTOM_LABEL\)/);
    expect(usage).toMatch(/--epoch=<duration> +Epoch length \(default 25ms; env VMHA_EPOCH\)/);
    expect(usage).toMatch(/--help +Show this help and exit/);
  });
});
