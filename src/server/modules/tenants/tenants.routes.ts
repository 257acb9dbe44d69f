import { errorResponses } from '../../../shared/schemas/common';
import { tenantDetail, tenantList, tenantUpdateInput } from '../../../shared/schemas/tenant';
import { requireIdentity, requirePrincipal } from '../../platform/auth/auth.plugin';
import type { App } from '../../platform/http';
import type { TenantService } from './tenants.service';

const tags = ['tenants'];

export function tenantRoutes(app: App, tenants: TenantService) {
  app.get('/tenants', {
    schema: { tags, summary: 'The tenants you belong to, with your role in each', response: { 200: tenantList, ...errorResponses(401) } },
    handler: async (request) => tenants.listMine(requireIdentity(request).userId),
  });

  app.get('/tenants/current', {
    schema: { tags, summary: 'The tenant of this request (X-Tenant-Id, or your last one)', response: { 200: tenantDetail, ...errorResponses(401, 403) } },
    handler: async (request) => tenants.current(requirePrincipal(request)),
  });

  app.patch('/tenants/current', {
    schema: {
      tags,
      summary: "Rename the tenant (admins; send the version you read)",
      body: tenantUpdateInput,
      response: { 200: tenantDetail, ...errorResponses(400, 401, 403, 409) },
    },
    handler: async (request) => tenants.updateCurrent(requirePrincipal(request), request.body),
  });
}
