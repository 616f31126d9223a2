import { importOrders } from '../core/jobs/start-import';
import { listImports } from '../core/services/import';
import type { FeatureHandlers, HandlerContext } from './context';

export const importHandlers = (ctx: HandlerContext): FeatureHandlers<'import'> => ({
  'import.orders': (req, emit) => importOrders(ctx.db, ctx, req, (p) => emit('job.progress', p)),
  'import.list': (req) => listImports(ctx.db, req.shopId, req.limit),
});
