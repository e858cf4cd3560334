import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFunctions, FUNCTIONS_DIR } from './discovery.ts';

/** Runs against the repository's own supabase/functions (health and whoami). */
describe('discoverFunctions', () => {
  it('finds function folders and applies [functions.<slug>] settings', () => {
    const { functions, problems } = discoverFunctions({ health: { verify_jwt: false } });
    expect(problems).toEqual([]);
    expect(functions.get('health')).toMatchObject({
      verifyJwt: false,
      entrypoint: path.join(FUNCTIONS_DIR, 'health', 'index.ts'),
      moduleArgs: ['--config', path.join(FUNCTIONS_DIR, 'deno.json')],
    });
    expect(functions.get('whoami')?.verifyJwt).toBe(true);
    expect([...functions.keys()].some((slug) => slug.startsWith('_'))).toBe(false);
  });

  it('leaves out disabled functions', () => {
    expect(discoverFunctions({ whoami: { enabled: false } }).functions.has('whoami')).toBe(false);
  });

  it('reports bad settings instead of serving the function with them', () => {
    const { functions, problems } = discoverFunctions({
      whoami: { verify_jwt: 'no' },
      'bad name!': {},
      ghost: {},
      health: { import_map: './functions/missing.json' },
    });
    expect(functions.has('whoami')).toBe(false);
    expect(functions.has('health')).toBe(false);
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^\[functions\.whoami\] verify_jwt: /),
      expect.stringContaining('"bad name!" is not a valid function name'),
      '[functions.ghost]: entrypoint functions/ghost/index.ts does not exist',
      '[functions.health]: import_map ./functions/missing.json does not exist',
    ]));
  });

  it('runs a configured entrypoint with the import map it names', () => {
    const { functions } = discoverFunctions({
      'health-alias': { entrypoint: './functions/health/index.ts', import_map: './functions/deno.json', verify_jwt: false },
    });
    expect(functions.get('health-alias')).toMatchObject({
      entrypoint: path.join(FUNCTIONS_DIR, 'health', 'index.ts'),
      moduleArgs: ['--config', path.join(FUNCTIONS_DIR, 'deno.json')],
      verifyJwt: false,
    });
  });
});
