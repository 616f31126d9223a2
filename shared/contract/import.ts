/** Importing order exports, and the record of past imports. */
import { z } from 'zod';
import type { ImportSummary } from '../domain';
import { filePayload, shopId, type FeatureContract } from './define';

export const importSchemas = {
  'import.orders': z.object({ shopId, files: z.array(filePayload).min(1).max(50) }).strict(),
  'import.list': z.object({ shopId, limit: z.number().int().min(1).max(1000).optional() }).strict(),
} as const;

/** One file of one import, as recorded. */
export interface ImportRecord {
  id: number;
  shopId: number;
  file: string;
  sha256: string;
  format: string;
  encoding: string | null;
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  damaged: number;
  importedAt: string;
}

export type ImportContract = FeatureContract<typeof importSchemas, {
  'import.orders': ImportSummary;
  'import.list': ImportRecord[];
}>;
