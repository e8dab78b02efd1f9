import { Type, type Static } from 'typebox';
import { enumOf } from './enums.js';

export const KYB_LOG_TYPES = ['AUTOMATION', 'CLIENT', 'DEFAULT', 'PARTNER', 'SYSTEM'] as const;
export const LOG_LEVELS = ['DEBUG', 'INFO', 'STEP', 'ACTION', 'WARNING', 'FE_ERROR', 'ERROR', 'CRITICAL', 'NOT_SET'] as const;
export const KybLogTypeEnum = enumOf(KYB_LOG_TYPES, 'KybLogTypeEnum');
export const LogLevelEnum = enumOf(LOG_LEVELS, 'LogLevelEnum');

/** iDenfy's AuditLogManager: who in the dashboard acted. */
export const AuditLogManager = Type.Object({ id: Type.Optional(Type.Integer()), displayName: Type.Optional(Type.String()) }, { title: 'AuditLogManager' });

/** iDenfy's KybAuditLog: one entry of a company's audit trail as the API shows it. */
export const KybAuditLog = Type.Object(
  {
    identifier: Type.String(),
    text: Type.String(),
    additionalText: Type.Optional(Type.String()),
    logType: KybLogTypeEnum,
    logLevel: LogLevelEnum,
    timestamp: Type.String({ format: 'date-time' }),
    manager: Type.Optional(AuditLogManager),
    logId: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'KybAuditLog' },
);
export type KybAuditLog = Static<typeof KybAuditLog>;

/** iDenfy's CompanyLogs (CompanyDetail.auditLogs). */
export const CompanyLogs = Type.Object({ logs: Type.Array(KybAuditLog), logsCount: Type.Integer() }, { title: 'CompanyLogs' });
export type CompanyLogs = Static<typeof CompanyLogs>;
