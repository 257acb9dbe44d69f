import { z } from 'zod';
import {
  company,
  companyCreateInput,
  companyListQuery,
  companyPage,
  companyUpdateInput,
  companyVersionInput,
  duplicateCandidates,
  duplicateCheckInput,
} from '../../../shared/schemas/company';
import { errorResponses } from '../../../shared/schemas/common';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { App } from '../../platform/http';
import type { CompanyService } from './companies.service';

const idParams = z.strictObject({ id: z.uuid() });
const tags = ['companies'];

/** The company register (事業者台帳) API: thin handlers over the company service. */
export function companyRoutes(app: App, companies: CompanyService) {
  app.get('/companies', {
    schema: {
      tags,
      summary: 'List and search the company register',
      querystring: companyListQuery,
      response: { 200: companyPage, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => companies.list(requirePrincipal(request), request.query),
  });

  app.post('/companies', {
    schema: {
      tags,
      summary: 'Register a company',
      body: companyCreateInput,
      response: { 201: company, ...errorResponses(400, 401, 403, 409) },
    },
    handler: async (request, reply) => reply.status(201).send(await companies.create(requirePrincipal(request), request.body)),
  });

  app.post('/companies/duplicate-check', {
    schema: {
      tags,
      summary: 'Find likely duplicates (same 法人番号, or the same name in the same municipality)',
      body: duplicateCheckInput,
      response: { 200: duplicateCandidates, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => companies.findDuplicates(requirePrincipal(request), request.body),
  });

  app.get('/companies/:id', {
    schema: { tags, summary: 'A company with its contacts', params: idParams, response: { 200: company, ...errorResponses(401, 403, 404) } },
    handler: async (request) => companies.get(requirePrincipal(request), request.params.id),
  });

  app.patch('/companies/:id', {
    schema: {
      tags,
      summary: 'Change a company (send the version you read; 409 when somebody saved first)',
      params: idParams,
      body: companyUpdateInput,
      response: { 200: company, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) => companies.update(requirePrincipal(request), request.params.id, request.body),
  });

  app.post('/companies/:id/archive', {
    schema: {
      tags,
      summary: 'Archive a company (it leaves the default list; its history stays)',
      params: idParams,
      body: companyVersionInput,
      response: { 200: company, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => companies.setArchived(requirePrincipal(request), request.params.id, request.body.version, true),
  });

  app.post('/companies/:id/restore', {
    schema: {
      tags,
      summary: 'Restore an archived company',
      params: idParams,
      body: companyVersionInput,
      response: { 200: company, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => companies.setArchived(requirePrincipal(request), request.params.id, request.body.version, false),
  });
}
