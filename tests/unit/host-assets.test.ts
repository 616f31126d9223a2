import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentTypeOf } from '../../main/hosts/assets';

describe('what both renderer hosts send', () => {
  it('keeps each host’s CSP exactly as it was sent before the two were merged', () => {
    expect(contentSecurityPolicy('app')).toBe("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expect(contentSecurityPolicy('web')).toBe("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  });

  it('types the renderer’s files by extension, whatever the case, and unknown files as bytes', () => {
    expect(contentTypeOf('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/r/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/r/assets/index-abc.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('/r/assets/font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('/r/data.bin')).toBe('application/octet-stream');
  });
});
