import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { deskSettingsInput, publicIntakeInput, themeUpdateInput } from '../../../shared/schemas/desk';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Theme = components['schemas']['Theme'];
export type DeskSettings = components['schemas']['DeskSettings'];
export type PublicDesk = components['schemas']['PublicDesk'];
export type PublicIntakeBody = z.input<typeof publicIntakeInput>;

const keys = {
  themes: ['desk', 'themes'] as const,
  settings: ['desk', 'settings'] as const,
  people: ['desk', 'people'] as const,
  publicDesk: (slug: string) => ['public-desk', slug] as const,
};

export function useThemes() {
  return useQuery({ queryKey: keys.themes, queryFn: () => unwrap(api.GET('/api/v1/desk/themes')), staleTime: 60_000 });
}

export function useAddTheme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; nameEn?: string | null; position?: number }) => unwrap(api.POST('/api/v1/desk/themes', { body: body as never })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.themes }),
  });
}

export function useUpdateTheme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & z.input<typeof themeUpdateInput>) => unwrap(api.PATCH('/api/v1/desk/themes/{id}', { params: { path: { id } }, body: body as never })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.themes }),
  });
}

export function useDeskSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => unwrap(api.GET('/api/v1/desk/settings')) });
}

export function useUpdateDeskSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof deskSettingsInput>) => unwrap(api.PATCH('/api/v1/desk/settings', { body: body as never })),
    onSuccess: (settings) => queryClient.setQueryData(keys.settings, settings),
  });
}

/** Members who can be coordinator, expert or partner on a case. */
export function useDeskPeople() {
  return useQuery({ queryKey: keys.people, queryFn: () => unwrap(api.GET('/api/v1/desk/people')), staleTime: 60_000 });
}

/** The public form: its themes, terms and a fresh form token (never cached: each visit gets its own token). */
export function usePublicDesk(slug: string) {
  return useQuery({
    queryKey: keys.publicDesk(slug),
    queryFn: () => unwrap(api.GET('/api/v1/public/desks/{slug}', { params: { path: { slug } } })),
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });
}

export function useSubmitConsultation(slug: string) {
  return useMutation({
    mutationFn: (body: PublicIntakeBody) => unwrap(api.POST('/api/v1/public/desks/{slug}/consultations', { params: { path: { slug } }, body: body as never })),
  });
}
