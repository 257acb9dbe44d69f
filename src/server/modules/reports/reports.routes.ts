import type { Db } from '../../db/client';
import type { App } from '../../platform/http';

/** The commission report (実績報告) and the desk dashboard's figures. */
export function reportRoutes(_app: App, _db: Db) {}
