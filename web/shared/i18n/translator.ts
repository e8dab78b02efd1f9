/** A message lookup with `{name}` placeholders; each app types it with its own message keys. */
export type Translator<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

/** `{name}` placeholders are filled from `vars`; an unknown one is left visible rather than dropped. */
export function translator<K extends string>(messages: Record<K, string>): Translator<K> {
  return (key, vars) => {
    const text = messages[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
  };
}
