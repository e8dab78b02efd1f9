import { Type, type Static } from 'typebox';
import { MANAGER_ROLES } from '../shared/enums.js';
import { DateTime, Nullable } from './common.js';
import { enumOf } from './enums.js';

const strict = { additionalProperties: false } as const;

export const ManagerRoleEnum = enumOf(MANAGER_ROLES, 'ManagerRoleEnum');

/** A manager's id in a path: the database's 32-bit serial. */
export const ManagerParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: 12, maxLength: 256, description: '12 to 256 characters.' });

export const Manager = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    surname: Type.String(),
    email: Type.String(),
    role: ManagerRoleEnum,
    disabled: Type.Boolean(),
    away: Type.Boolean(),
    totpEnabled: Type.Boolean(),
    lastSignInAt: Nullable(DateTime),
  },
  { title: 'Manager' },
);
export type Manager = Static<typeof Manager>;

export const ManagerList = Type.Object({ results: Type.Array(Manager) }, { title: 'ManagerList' });

export const ManagerCreateBody = Type.Object(
  {
    email: Email,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    surname: Type.String({ minLength: 1, maxLength: 100 }),
    role: ManagerRoleEnum,
  },
  { ...strict, title: 'ManagerCreateBody' },
);
export type ManagerCreateBody = Static<typeof ManagerCreateBody>;

export const SetPasswordLink = Type.Object(
  { setPasswordUrl: Type.String({ description: 'One-time link to set the password; shown once, valid 24 hours.' }) },
  { title: 'SetPasswordLink' },
);

export const ManagerCreated = Type.Object({ manager: Manager, setPasswordUrl: Type.String() }, { title: 'ManagerCreated' });

export const ManagerPatch = Type.Object(
  { role: Type.Optional(ManagerRoleEnum), disabled: Type.Optional(Type.Boolean()), away: Type.Optional(Type.Boolean()) },
  { ...strict, title: 'ManagerPatch' },
);
export type ManagerPatch = Static<typeof ManagerPatch>;

export const SignInRequest = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    totp: Type.Optional(Type.String({ maxLength: 16, description: 'The 6-digit code of the authenticator app, when two-factor sign-in is on.' })),
    recoveryCode: Type.Optional(Type.String({ maxLength: 64, description: 'A one-time recovery code, instead of `totp`.' })),
  },
  { ...strict, title: 'SignInRequest' },
);
export type SignInRequest = Static<typeof SignInRequest>;

export const ManagerSession = Type.Object(
  {
    manager: Type.Object({ id: Type.Integer(), name: Type.String(), surname: Type.String(), email: Type.String(), role: ManagerRoleEnum }),
    csrfToken: Type.String({ description: 'Send it as the `x-csrf-token` header on every request that is not GET or HEAD.' }),
    expiresAt: DateTime,
    idleExpiresAt: DateTime,
  },
  { title: 'ManagerSession' },
);
export type ManagerSession = Static<typeof ManagerSession>;

export const SetPasswordRequest = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }), password: Password },
  { ...strict, title: 'SetPasswordRequest' },
);

export const TotpEnrolment = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() }, { title: 'TotpEnrolment' });
export const TotpCodeRequest = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$', maxLength: 6 }) }, { ...strict, title: 'TotpCodeRequest' });
export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String(), { minItems: 10, maxItems: 10 }) }, { title: 'RecoveryCodes' });
