import { z } from 'zod';

/** A file crossing the bridge: its name and bytes; the disk path only when the host knows it. */
export const filePayload = z.object({
  name: z.string().min(1).max(500),
  // Any Uint8Array (Node's Buffer pool views included), not only those over a plain ArrayBuffer.
  bytes: z.instanceof(Uint8Array) as z.ZodType<Uint8Array, Uint8Array>,
  path: z.string().optional(),
});
export type FilePayload = z.infer<typeof filePayload>;

export const shopId = z.number().int().positive();
export const orderNo = z.string().min(1).max(100);
export const skuKey = z.string().min(1).max(300);
/** A request with nothing in it (`undefined` or `{}`). */
export const noRequest = z.void().or(z.object({}).strict()).optional();

type Schemas = Record<string, z.ZodType>;

/**
 * A feature's slice of the contract: each channel's request type is derived from its schema
 * (what a caller may send), its response type is given. `R` must name exactly the channels of `S`
 * (`Exactly` below fails to compile otherwise).
 */
export type FeatureContract<S extends Schemas, R extends { [C in keyof S]: unknown }> = {
  [C in keyof S]: { req: z.input<S[C]>; res: R[C] };
} & Exactly<keyof R, keyof S>;

/** `unknown` when the response table names no channel beyond the schemas; else a key that breaks the contract check. */
type Exactly<A, B> = [Exclude<A, B>] extends [never] ? unknown : { [K in Exclude<A, B> & string as `no schema for ${K}`]: true };
