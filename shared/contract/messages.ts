/** Delivery messages: listing and exporting them. */
import { z } from 'zod';
import type { OrderMessage } from '../domain';
import { shopId, type FeatureContract } from './define';

const orderNos = z.array(z.string().max(100)).max(100_000).optional();

export const messagesSchemas = {
  'messages.list': z.object({ shopId, orderNos }).strict(),
  'messages.export': z.object({ shopId, orderNos }).strict(),
} as const;

export type MessagesContract = FeatureContract<typeof messagesSchemas, {
  'messages.list': OrderMessage[];
  /** `held`: messages left out because the diversion check blocks them (NO_DIVERSION, not overridden). */
  'messages.export': { name: string; bytes: Uint8Array; count: number; held: { orderNo: string; text: string }[] };
}>;
