import { describe, expect, it } from 'vitest';
import { CHANNELS, FEATURE_SCHEMAS, requestSchemas } from '../../shared/contract';

describe('the bridge contract', () => {
  it('names every channel after its feature', () => {
    for (const [feature, schemas] of Object.entries(FEATURE_SCHEMAS)) {
      for (const channel of Object.keys(schemas)) expect(channel.split('.')[0], channel).toBe(feature);
    }
  });

  it('has no channel twice: the merged table holds every feature channel once', () => {
    const all = Object.values(FEATURE_SCHEMAS).flatMap((s) => Object.keys(s));
    expect(new Set(all).size).toBe(all.length);
    expect([...CHANNELS].sort()).toEqual([...all].sort());
    expect(Object.keys(requestSchemas)).toHaveLength(all.length);
  });

  it('has one slice for each feature of the glossary built so far', () => {
    expect(Object.keys(FEATURE_SCHEMAS).sort()).toEqual(['allocation', 'evidence', 'export', 'import', 'messages', 'orders', 'products', 'rules', 'shops', 'stock']);
  });
});
