/** An app's locale files as Vite's `import.meta.glob` gives them: path -> lazy module. */
export type LocaleModules<M> = Record<string, () => Promise<{ default: M }>>;

/**
 * Loads one locale's messages from an app's `./locales/<code>.ts` chunks (one chunk per locale,
 * fetched only when chosen); rejects for a locale the app does not have.
 */
export function messagesLoader<M>(modules: LocaleModules<M>): (locale: string) => Promise<M> {
  return (locale) => {
    const load = modules[`./locales/${locale}.ts`];
    if (!load) return Promise.reject(new Error(`no messages for ${locale}`));
    return load().then((module) => module.default);
  };
}
