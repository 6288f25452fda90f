/** Board-server account roles as a person reads them (sign-in badge, `users list`, messages). */
import type { AccountRole } from '../domain/accounts';

export const ACCOUNT_ROLE_LABELS: Record<AccountRole, string> = {
  admin: 'Administrator', coordinator: 'Coordinator', chair: 'Chair', member: 'Member',
};
