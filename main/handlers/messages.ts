import { exportMessages, orderMessages } from '../core/services/messages';
import type { FeatureHandlers, HandlerContext } from './context';

export const messagesHandlers = ({ db }: HandlerContext): FeatureHandlers<'messages'> => ({
  'messages.list': (req) => orderMessages(db, req.shopId, req.orderNos),
  'messages.export': (req) => exportMessages(db, req.shopId, req.orderNos),
});
