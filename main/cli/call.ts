import type { Channel, EventName, Events, Req, Res } from '../../shared/contract';
import type { Core } from '../handlers';
import { InputError } from './errors';

/** A core event as the CLI hears it: its name and its typed payload. */
export type AnyEvent = { [E in EventName]: { event: E; payload: Events[E] } }[EventName];
export type OnEvent = (e: AnyEvent) => void;

/** One request to the handler table; a refused request becomes an InputError (exit 1). */
export async function call<C extends Channel>(core: Core, channel: C, req: Req<C>, onEvent?: OnEvent): Promise<Res<C>> {
  const r = await core.dispatch(channel, req, (e, p) => onEvent?.({ event: e, payload: p } as AnyEvent));
  if (!r.ok) throw new InputError(r.error);
  return r.value as Res<C>;
}
