import type { Db } from '../../db/client';
import { createIndicatorService } from './indicators.service';
import { createPlanDocumentService } from './plan-documents.service';
import { createPlanService } from './plans.service';
import { createReviewService } from './reviews.service';
import { createUpdateService } from './updates.service';

/** The plans module's services, built together for the routes. */
export function createPlanServices(db: Db, config: { publicUrl: string }) {
  return {
    plans: createPlanService(db),
    indicators: createIndicatorService(db),
    updates: createUpdateService(db, config),
    reviews: createReviewService(db),
    documents: createPlanDocumentService(db),
  };
}

export type PlanServices = ReturnType<typeof createPlanServices>;
