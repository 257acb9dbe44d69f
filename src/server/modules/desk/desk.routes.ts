import { z } from 'zod';
import { errorResponses } from '../../../shared/schemas/common';
import { deskPeople, deskSettings, deskSettingsInput, theme, themeInput, themeList, themeUpdateInput } from '../../../shared/schemas/desk';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { App } from '../../platform/http';
import type { DeskService } from './desk.service';

const tags = ['desk'];

/** The desk's configuration: themes, settings of the public form, people to pick. */
export function deskRoutes(app: App, desk: DeskService) {
  app.get('/desk/themes', {
    schema: { tags, summary: 'The desk’s theme taxonomy (archived themes included, flagged)', response: { 200: themeList, ...errorResponses(401, 403) } },
    handler: async (request) => desk.listThemes(requirePrincipal(request)),
  });
  app.post('/desk/themes', {
    schema: { tags, summary: 'Add a theme (admins)', body: themeInput, response: { 201: theme, ...errorResponses(400, 401, 403, 409) } },
    handler: async (request, reply) => reply.status(201).send(await desk.createTheme(requirePrincipal(request), request.body)),
  });
  app.patch('/desk/themes/:id', {
    schema: {
      tags,
      summary: 'Rename, reorder or archive a theme (admins; cases keep archived themes)',
      params: z.strictObject({ id: z.uuid() }),
      body: themeUpdateInput,
      response: { 200: theme, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => desk.updateTheme(requirePrincipal(request), request.params.id, request.body),
  });
  app.get('/desk/settings', {
    schema: { tags, summary: 'The desk’s settings (public form, follow-up months)', response: { 200: deskSettings, ...errorResponses(401, 403) } },
    handler: async (request) => desk.getSettings(requirePrincipal(request)),
  });
  app.patch('/desk/settings', {
    schema: { tags, summary: 'Change the desk’s settings (admins; version 0 before the first save)', body: deskSettingsInput, response: { 200: deskSettings, ...errorResponses(400, 401, 403, 409) } },
    handler: async (request) => desk.updateSettings(requirePrincipal(request), request.body),
  });
  app.get('/desk/people', {
    schema: { tags, summary: 'People who can be coordinator, expert or partner on a case', response: { 200: deskPeople, ...errorResponses(401, 403) } },
    handler: async (request) => desk.people(requirePrincipal(request)),
  });
}
