import { IsEmail, IsIn, MaxLength, MinLength } from 'class-validator';

import { isAdmin } from '../../auth/rules.js';
import { badUserInput } from '../../common/errors.js';
import { tableMutations } from '../../common/table-api/table-mutations.js';
import type { MutationDefinition } from '../../common/table-api/table-mutations.js';
import type { WriteValues } from '../../common/table-api/table-mutations.js';
import type { MutationInput } from '../../common/table-api/mutation-inputs.js';
import { hashPassword } from './password-hash.js';
import { UserPermission } from './user-permission.entity.js';
import { USER_ROLES, User } from './user.entity.js';

/**
 * Users and their permissions are admin business. The password is write-only: it arrives in the input,
 * is stored as a scrypt hash and has no field to come back through. `isAdmin` follows the role.
 */
async function userValues(values: WriteValues, input: MutationInput): Promise<void> {
  if (typeof input.password === 'string') values.passwordHash = await hashPassword(input.password);
  else if (input.password === null) values.passwordHash = null;
  if (typeof values.role === 'string') values.isAdmin = values.role === 'admin';
}

const userMutations = tableMutations(User, {
  rule: isAdmin,
  editable: [
    'email',
    'firstName',
    'lastName',
    'role',
    'authProvider',
    'oktaUserId',
    'themeMode',
    'highContrastMode',
    'reduceMotion',
    'colorblindSafePalette',
    'accessibilityLevel',
    'profileImageFilename',
  ],
  validators: {
    email: [IsEmail()],
    role: [IsIn(USER_ROLES)],
  },
  descriptions: { role: `One of ${USER_ROLES.join(', ')}; isAdmin follows it.` },
  extraFields: [
    {
      key: 'password',
      kind: 'string',
      validators: [MinLength(8), MaxLength(1024)],
      description: 'Write-only: stored as a scrypt hash and never returned. Null removes the password login.',
    },
  ],
  create: async (values, input) => {
    values.role ??= 'user';
    await userValues(values, input);
  },
  update: userValues,
  extraValidation: (check) => {
    // An admin locking themselves out is almost always a mistake another admin would have to undo.
    if (check.mode === 'update' && check.row.id === check.ctx.viewer.userId) {
      if (check.input.role !== undefined && check.input.role !== 'admin') {
        throw badUserInput('role: you cannot take away your own admin role', 'role');
      }
    }
  },
  softDelete: {
    guard: (row, ctx) => {
      if (row.id === ctx.viewer.userId)
        throw badUserInput('id: you cannot deactivate your own account', 'id');
    },
  },
});

const userPermissionMutations = tableMutations(UserPermission, {
  rule: isAdmin,
  editable: ['userId', 'resource', 'action', 'granted'],
});

export const usersMutations: readonly MutationDefinition[] = [userMutations, userPermissionMutations];
