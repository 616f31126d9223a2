/** Importing order exports, and the record of past imports. */
import { z } from 'zod';
import type { ImportRecord, ImportSummary } from '../domain';
import { filePayload, shopId, type FeatureContract } from './define';

export const importSchemas = {
  'import.orders': z.object({ shopId, files: z.array(filePayload).min(1).max(50) }).strict(),
  'import.list': z.object({ shopId, limit: z.number().int().min(1).max(1000).optional() }).strict(),
} as const;

export type ImportContract = FeatureContract<typeof importSchemas, {
  'import.orders': ImportSummary;
  'import.list': ImportRecord[];
}>;
