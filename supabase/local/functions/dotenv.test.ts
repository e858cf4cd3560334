import { describe, expect, it } from 'vitest';
import { parseDotenv } from './dotenv.ts';

describe('parseDotenv', () => {
  it('reads plain, exported, quoted and commented assignments', () => {
    const { values, errors } = parseDotenv(
      [
        '# a comment',
        'PLAIN=value',
        'export EXPORTED=yes',
        'SPACED = padded  ',
        'INLINE=kept # dropped',
        `SINGLE='literal \\n $HOME'`,
        'DOUBLE="line\\nbreak \\"quoted\\""',
        'EMPTY=',
        '',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(values).toEqual({
      PLAIN: 'value',
      EXPORTED: 'yes',
      SPACED: 'padded',
      INLINE: 'kept',
      SINGLE: 'literal \\n $HOME',
      DOUBLE: 'line\nbreak "quoted"',
      EMPTY: '',
    });
  });

  it('keeps multi-line quoted values such as PEM keys', () => {
    const { values } = parseDotenv('KEY="-----BEGIN KEY-----\nabc\n-----END KEY-----"\nNEXT=1');
    expect(values).toEqual({ KEY: '-----BEGIN KEY-----\nabc\n-----END KEY-----', NEXT: '1' });
  });

  it('reports unreadable lines and keeps reading the rest', () => {
    const { values, errors } = parseDotenv('1BAD=x\nno equals sign\nOPEN="never closed\nGOOD=yes\nTRAIL="x" junk');
    expect(values).toEqual({ GOOD: 'yes' });
    expect(errors).toEqual([
      'line 1: expected KEY=value',
      'line 2: expected KEY=value',
      'line 3: unterminated or malformed quoted value for OPEN',
      'line 5: unterminated or malformed quoted value for TRAIL',
    ]);
  });
});
