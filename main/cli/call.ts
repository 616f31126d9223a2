import type { Channel, Req, Res } from '../../shared/contract';
import type { Core } from '../handlers';
import { InputError } from './errors';

/** One request to the handler table; a refused request becomes an InputError (exit 1). */
export async function call<C extends Channel>(core: Core, channel: C, req: Req<C>, onEvent?: (e: string, p: unknown) => void): Promise<Res<C>> {
  const r = await core.dispatch(channel, req, onEvent ?? (() => undefined));
  if (!r.ok) throw new InputError(r.error);
  return r.value as Res<C>;
}
