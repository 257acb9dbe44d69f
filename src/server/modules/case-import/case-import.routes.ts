import type { Db } from '../../db/client';
import type { App } from '../../platform/http';
import type { CompanyService } from '../companies/companies.service';

/** Moving in from Excel and kintone: cases and activities from CSV/XLSX with a column mapping. */
export function caseImportRoutes(_app: App, _db: Db, _companies: CompanyService) {}
