import type { Shop } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Core } from '../handlers';
import { call } from './call';
import type { ValueOption } from './command';
import { InputError } from './errors';

/** `--shop <店铺名>`, taken by every command that works inside one shop. */
export const SHOP_OPTION = {
  shop: { type: 'string', value: '<店铺名>', description: '店铺（默认：当前店铺）' },
} as const satisfies Record<string, ValueOption<string>>;

/** The shop by name, else the current one; `create` makes a new shop of that name. */
export async function resolveShop(core: Core, name: string | undefined, create: boolean): Promise<Shop> {
  const shops = await call(core, 'shops.list', undefined);
  if (name === undefined) {
    const s = await call(core, 'shops.getSettings', undefined);
    return shops.find((x) => x.id === s.currentShopId) ?? shops[0];
  }
  const found = shops.find((x) => x.name === name.trim());
  if (found) return found;
  if (!create) throw new InputError(new AppError('SHOP_NOT_FOUND', { detail: name }).toData());
  return call(core, 'shops.create', { name });
}
