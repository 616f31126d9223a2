import { appInfo } from '../core/services/app-info';
import { checkDb } from '../core/services/check-db';
import { getSettings, setSettings } from '../core/services/settings';
import { createShop, listShops, setShopType } from '../core/services/shops';
import type { FeatureHandlers, HandlerContext } from './context';

export const shopsHandlers = ({ db, host, dataDir, readOnly }: HandlerContext): FeatureHandlers<'shops'> => ({
  'shops.appInfo': () => appInfo(host, dataDir, readOnly),
  'shops.getSettings': () => getSettings(db),
  'shops.setSettings': (req) => setSettings(db, req),
  'shops.list': () => listShops(db),
  'shops.create': (req) => createShop(db, req.name, req.type),
  'shops.setType': (req) => setShopType(db, req.shopId, req.type),
  'shops.checkDb': (req) => checkDb(db, { quick: req?.quick }),
});
