import { describe, expect, it } from 'vitest';
import { svgDataUrl } from './totp.utils.ts';

describe('svgDataUrl', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="#000"/></svg>';
  it('encodes raw markup and markup already prefixed by supabase-js alike', () => {
    const expected = `data:image/svg+xml;utf-8,${encodeURIComponent(svg)}`;
    expect(svgDataUrl(svg)).toBe(expected);
    expect(svgDataUrl(`data:image/svg+xml;utf-8,${svg}`)).toBe(expected);
    expect(svgDataUrl(svg)).not.toContain('#');
  });
});
