import type { Db } from '../../db/client';
import type { App } from '../../platform/http';

/** Funding programmes (委託事業) and their counting rules. */
export function programmeRoutes(_app: App, _db: Db) {}
