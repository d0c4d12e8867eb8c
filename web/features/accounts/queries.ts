import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NotificationPage,
  NotificationPreferences,
  PutNotificationPreferencesBody,
} from '../../../shared/contracts/notifications';
import type { InvitationView, User } from '../../../shared/contracts/accounts';
import type { Role } from '../../../shared/rules/permissions';
import { ApiError, apiFetch } from '../../app/api';
import { useSession } from '../../app/session';

/** Queries and mutations of the accounts screens; keys start with 'accounts' so sign-out clears them. */

export const NOTIFICATIONS_KEY = ['accounts', 'notifications'] as const;
const UNREAD_KEY = ['accounts', 'notifications', 'unread'] as const;
const PREFERENCES_KEY = ['accounts', 'notification-preferences'] as const;
const PAGE_SIZE = 20;

/** GET /api/v1/demo/accounts (demo deployments only). */
export interface DemoAccount {
  email: string;
  /** +84…; the account signs in with it as well as with the e-mail. */
  phone: string;
  password: string;
  role: Role;
  unitCode: string;
  /** The unit in words ("Phường Tân An", "Khu phố 1, Phường Tân An"). */
  unitName: string;
  /** The team of a team role; null for the other roles. */
  teamName: string | null;
  name: string;
}

/** The demo accounts, or null when this deployment is not a demo (the endpoint answers 404). */
export function useDemoAccounts() {
  return useQuery({
    queryKey: ['public', 'demo-accounts'],
    queryFn: async () => {
      try {
        return (await apiFetch<{ items: DemoAccount[] }>('/api/v1/demo/accounts')).items;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** The unread count for the header badge, polled once a minute while the tab is visible. */
export function useUnreadCount() {
  const { status } = useSession();
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => apiFetch<NotificationPage>('/api/v1/notifications', { query: { limit: 1 } }),
    select: (page) => page.unreadCount,
    enabled: status === 'signedIn',
    refetchInterval: 60_000,
    retry: false,
  });
}

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list'],
    queryFn: ({ pageParam }) =>
      apiFetch<NotificationPage>('/api/v1/notifications', { query: { limit: PAGE_SIZE, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<void>(`/api/v1/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/v1/notifications/read-all', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: () => apiFetch<NotificationPreferences>('/api/v1/notifications/preferences'),
  });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutNotificationPreferencesBody) =>
      apiFetch<NotificationPreferences | undefined>('/api/v1/notifications/preferences', {
        method: 'PUT',
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PREFERENCES_KEY }),
  });
}

export interface ProfileChanges {
  name?: string;
  phone?: string | null;
  locale?: 'vi' | 'en';
}

export function useUpdateProfile() {
  const { refresh } = useSession();
  return useMutation({
    mutationFn: (body: ProfileChanges) => apiFetch<User>('/api/v1/me', { method: 'PATCH', body }),
    onSuccess: () => refresh(),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiFetch<void>('/api/v1/me/password', { method: 'POST', body }),
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['public', 'invitation', token],
    queryFn: () => apiFetch<InvitationView>(`/api/v1/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
}
