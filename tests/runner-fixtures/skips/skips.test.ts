import { expect, it } from 'vitest';

// Skips the suite means (a capability this machine lacks): reported skipped, never failed.
it('passes', () => expect(1).toBe(1));
it.skipIf(true)('skipped by skipIf', () => expect(1).toBe(2));
it('skipped from inside', (ctx) => { ctx.skip(); expect(1).toBe(2); });
it.todo('to do');
