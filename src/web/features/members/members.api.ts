import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type JsonBody, api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type Member = components['schemas']['Member'];
export type Invitation = components['schemas']['Invitation'];
export type Role = Member['role'];

const keys = { members: ['members'] as const, invitations: ['invitations'] as const };

export function useMembers() {
  return useQuery({ queryKey: keys.members, queryFn: () => unwrap(api.GET('/api/v1/users')) });
}

export function useInvitations() {
  return useQuery({ queryKey: keys.invitations, queryFn: () => unwrap(api.GET('/api/v1/invitations')) });
}

export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: { userId: string } & JsonBody<'/api/v1/users/{userId}', 'patch'>) =>
      unwrap(api.PATCH('/api/v1/users/{userId}', { params: { path: { userId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.members }),
  });
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, version }: { userId: string; version: number }) =>
      unwrap(api.POST('/api/v1/users/{userId}/remove', { params: { path: { userId } }, body: { version } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.members }),
  });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JsonBody<'/api/v1/invitations', 'post'>) => unwrap(api.POST('/api/v1/invitations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.invitations }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/invitations/{id}/revoke', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.invitations }),
  });
}

export function useInvitationPreview(tenantId: string, token: string) {
  return useQuery({
    queryKey: ['invitation-preview', tenantId, token],
    queryFn: () => unwrap(api.GET('/api/v1/public/invitations/{tenantId}/{token}', { params: { path: { tenantId, token } } })),
    retry: false,
  });
}

export function useAcceptInvitation(tenantId: string, token: string) {
  return useMutation({
    mutationFn: (body: JsonBody<'/api/v1/public/invitations/{tenantId}/{token}/accept', 'post'>) =>
      unwrap(api.POST('/api/v1/public/invitations/{tenantId}/{token}/accept', { params: { path: { tenantId, token } }, body })),
  });
}
