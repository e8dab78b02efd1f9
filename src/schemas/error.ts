import { Type } from 'typebox';

/** iDenfy's error envelope. A validation error's `message` maps each field to its messages. */
export const ErrorEnvelope = Type.Object(
  {
    message: Type.Union([
      Type.String(),
      Type.Record(Type.String(), Type.Array(Type.String())),
      Type.Object({ detail: Type.String(), completed: Type.Boolean() }),
    ]),
    identifier: Type.String(),
    documentation: Type.String({ format: 'uri' }),
    severity: Type.Enum(['NOT_SEVERE', 'SEVERE']),
  },
  { title: 'Error' },
);
