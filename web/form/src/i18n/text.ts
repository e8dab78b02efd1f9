import type { Translate } from './locale.js';
import type { MessageKey } from './messages.js';

/**
 * A message kept as its key and values, translated only when shown: an error already on screen
 * then follows a change of language like every other string. A value may itself be a Text
 * (a role name inside "at least one {role} is needed").
 */
export interface Text {
  key: MessageKey;
  vars?: Readonly<Record<string, string | number | Text>>;
}

export function text(key: MessageKey, vars?: Text['vars']): Text {
  return vars ? { key, vars } : { key };
}

export function say(t: Translate, message: Text): string {
  if (!message.vars) return t(message.key);
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.vars)) vars[name] = typeof value === 'object' ? say(t, value) : value;
  return t(message.key, vars);
}
