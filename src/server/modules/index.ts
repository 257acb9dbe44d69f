import type { AppDependencies } from '../app';
import type { App } from '../platform/http';
import type { Mailer } from '../platform/mail/mailer';
import { auditRoutes } from './audit/audit.routes';
import { createAuditService } from './audit/audit.service';
import { authRoutes } from './auth/auth.routes';
import { createAuthService } from './auth/auth.service';
import { caseImportRoutes } from './case-import/case-import.routes';
import { createActivityService } from './cases/activities.service';
import { createAttachmentService } from './cases/attachments.service';
import { caseRoutes } from './cases/cases.routes';
import { createCaseService } from './cases/cases.service';
import { companyRoutes } from './companies/companies.routes';
import { createCompanyService } from './companies/companies.service';
import { createCompanyImportService } from './companies/company-import.service';
import { deskRoutes } from './desk/desk.routes';
import { createDeskService } from './desk/desk.service';
import { mailRoutes } from './mail/mail.routes';
import { createMailService } from './mail/mail.service';
import { memberRoutes } from './members/members.routes';
import { createMemberService } from './members/members.service';
import { createPlanServices } from './plans/plan-services';
import { planRoutes } from './plans/plans.routes';
import { publicPlanRoutes } from './plans/public-plans.routes';
import { createPublicPlanService } from './plans/public-plans.service';
import { programmeRoutes } from './programmes/programmes.routes';
import { publicIntakeRoutes } from './public-intake/public-intake.routes';
import { createPublicIntakeService } from './public-intake/public-intake.service';
import { referenceRoutes } from './reference/reference.routes';
import { reportRoutes } from './reports/reports.routes';
import { tenantRoutes } from './tenants/tenants.routes';
import { createTenantService } from './tenants/tenants.service';

/** Every module's routes under /api/v1, each given the services it needs. */
export function registerModules(app: App, deps: AppDependencies & { mailer: Mailer }) {
  const { db } = deps.database;
  authRoutes(app, createAuthService(db, deps.auth.auth, deps.auth.secret), deps.config, deps.mailer);
  tenantRoutes(app, createTenantService(db));
  memberRoutes(app, createMemberService(db, deps.config), deps.mailer, deps.config);
  const companies = createCompanyService(db);
  companyRoutes(app, companies, createCompanyImportService(db, companies, app.log, deps.database.maintain), db);
  caseRoutes(
    app,
    { cases: createCaseService(db, companies, deps.config), activities: createActivityService(db), attachments: createAttachmentService(db) },
    deps.mailer,
  );
  caseImportRoutes(app, db, companies, deps.database.maintain);
  deskRoutes(app, createDeskService(db));
  publicIntakeRoutes(app, createPublicIntakeService(db, companies, deps.config, deps.auth.secret), deps.mailer, deps.config);
  auditRoutes(app, createAuditService(db));
  mailRoutes(app, createMailService(db, deps.mailer));
  referenceRoutes(app);
  programmeRoutes(app, db);
  reportRoutes(app, db);
  planRoutes(app, createPlanServices(db, deps.config), deps.mailer);
  publicPlanRoutes(app, createPublicPlanService(db));
}
